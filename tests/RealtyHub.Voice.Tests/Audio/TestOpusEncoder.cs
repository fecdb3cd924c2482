using System.Runtime.InteropServices;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>libopus's encoder (apt package libopus0), used by tests to make raw Opus packets for WebM files.</summary>
internal sealed partial class TestOpusEncoder : IDisposable
{
    public const int SampleRate = 48000;
    public const int FrameSamples = 960; // 20 ms, what Chromium's MediaRecorder uses

    private const int ApplicationVoip = 2048;
    private const int GetLookaheadRequest = 4027;
    private readonly nint _encoder;

    public TestOpusEncoder(int channels)
    {
        Channels = channels;
        _encoder = opus_encoder_create(SampleRate, channels, ApplicationVoip, out int error);
        if (_encoder == 0)
        {
            throw new InvalidOperationException($"opus_encoder_create failed ({error}); is libopus0 installed?");
        }

        int status = opus_encoder_ctl(_encoder, GetLookaheadRequest, out int lookahead);
        Lookahead = status == 0 ? lookahead : throw new InvalidOperationException($"OPUS_GET_LOOKAHEAD failed ({status}).");
    }

    public int Channels { get; }

    /// <summary>Encoder delay in samples: the pre-skip a container must declare.</summary>
    public int Lookahead { get; }

    /// <summary>Encodes interleaved 48 kHz samples as 20 ms packets (the last frame padded with silence).</summary>
    public List<byte[]> Encode(float[] interleaved)
    {
        var packets = new List<byte[]>();
        int frameLength = FrameSamples * Channels;
        var frame = new float[frameLength];
        var packet = new byte[4000];
        for (int offset = 0; offset < interleaved.Length; offset += frameLength)
        {
            Array.Clear(frame);
            interleaved.AsSpan(offset, Math.Min(frameLength, interleaved.Length - offset)).CopyTo(frame);
            int length = opus_encode_float(_encoder, frame, FrameSamples, packet, packet.Length);
            if (length < 0)
            {
                throw new InvalidOperationException($"opus_encode_float failed ({length}).");
            }

            packets.Add(packet[..length]);
        }

        return packets;
    }

    /// <summary>An RFC 7845 OpusHead for these packets.</summary>
    public byte[] OpusHead(short outputGainQ8 = 0)
    {
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = (byte)Channels;
        BitConverter.TryWriteBytes(head.AsSpan(10), (ushort)Lookahead);
        BitConverter.TryWriteBytes(head.AsSpan(12), (uint)SampleRate);
        BitConverter.TryWriteBytes(head.AsSpan(16), outputGainQ8);
        return head;
    }

    public void Dispose() => opus_encoder_destroy(_encoder);

#pragma warning disable SYSLIB1054, CA5392 // The test project has no unsafe code for LibraryImport; these are blittable.
    [DllImport("libopus.so.0")]
    private static extern nint opus_encoder_create(int sampleRate, int channels, int application, out int error);

    [DllImport("libopus.so.0")]
    private static extern int opus_encode_float(nint encoder, float[] pcm, int frameSize, byte[] data, int maxDataBytes);

    // opus_encoder_ctl is variadic; on x86-64 System V a trailing pointer argument travels as a normal argument.
    [DllImport("libopus.so.0")]
    private static extern int opus_encoder_ctl(nint encoder, int request, out int value);

    [DllImport("libopus.so.0")]
    private static extern void opus_encoder_destroy(nint encoder);
#pragma warning restore SYSLIB1054, CA5392
}
