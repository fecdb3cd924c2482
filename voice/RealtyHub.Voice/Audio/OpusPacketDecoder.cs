namespace RealtyHub.Voice.Audio;

/// <summary>Decodes a sequence of raw Opus packets with libopus at 48 kHz into mono, honouring the OpusHead.</summary>
/// <remarks>Pre-skip samples are encoder delay and are dropped; the output gain is applied as the spec requires
/// (RFC 7845 §4.2 and §5.1, https://www.rfc-editor.org/rfc/rfc7845#section-4.2 ).</remarks>
internal static class OpusPacketDecoder
{
    public const int SampleRate = 48000;

    public static float[] DecodeToMono(ReadOnlySpan<byte> file, IReadOnlyList<Range> packets, OpusHead head, long maxSamples)
    {
        if (head.Channels > 2)
        {
            throw new AudioFormatException($"Opus audio with {head.Channels} channels is not supported; voice notes are mono or stereo.");
        }

        try
        {
            return DecodeNative(file, packets, head, maxSamples);
        }
        catch (Exception ex) when (NativeOpus.IsMissingLibrary(ex))
        {
            throw NativeOpus.MissingLibrary(NativeOpus.OpusLibrary, NativeOpus.OpusPackage, ex);
        }
    }

    private static unsafe float[] DecodeNative(ReadOnlySpan<byte> file, IReadOnlyList<Range> packets, OpusHead head, long maxSamples)
    {
        nint decoder = NativeOpus.DecoderCreate(SampleRate, head.Channels, out int error);
        if (decoder == 0)
        {
            throw new AudioFormatException($"libopus could not create a decoder for {head.Channels} channel(s) (error {error}).");
        }

        try
        {
            var pcm = new float[NativeOpus.MaxFrameSamples * head.Channels];
            var mono = new List<float>();
            fixed (float* output = pcm)
            {
                for (int index = 0; index < packets.Count; index++)
                {
                    var packet = file[packets[index]];
                    int frames;
                    fixed (byte* input = packet)
                    {
                        frames = NativeOpus.DecodeFloat(decoder, input, packet.Length, output, NativeOpus.MaxFrameSamples, 0);
                    }

                    if (frames < 0)
                    {
                        throw new AudioFormatException($"Corrupt Opus audio: packet {index} of {packets.Count} does not decode (libopus error {frames}).");
                    }

                    Downmix.AppendMono(pcm.AsSpan(0, frames * head.Channels), head.Channels, mono);
                    if (mono.Count - head.PreSkip > maxSamples)
                    {
                        throw new AudioFormatException($"The audio lasts longer than the limit of {DurationText.FromSamples(maxSamples, SampleRate)}. Send a shorter recording.");
                    }
                }
            }

            return Finish(mono, head);
        }
        finally
        {
            NativeOpus.DecoderDestroy(decoder);
        }
    }

    private static float[] Finish(List<float> mono, OpusHead head)
    {
        int skip = Math.Min(head.PreSkip, mono.Count);
        var samples = mono.GetRange(skip, mono.Count - skip).ToArray();
        if (head.OutputGainDb != 0)
        {
            float gain = (float)Math.Pow(10, head.OutputGainDb / 20);
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = Math.Clamp(samples[i] * gain, -1f, 1f);
            }
        }

        return samples;
    }
}
