// Our own implementation of what NAudio's WaveFileReader/WaveFileWriter would do; that library is not on our NuGet mirror.
using System.Buffers.Binary;

namespace RealtyHub.Voice.Audio;

/// <summary>Reads RIFF/WAVE files into mono clips and writes 16-bit PCM WAV.</summary>
/// <remarks>
/// Our own reader/writer where NAudio's WaveFileReader/WaveFileWriter would otherwise be used.
/// RIFF chunks are word-aligned: an odd-sized chunk is followed by one pad byte that its size does not count
/// (https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/WAVE.html).
/// </remarks>
public static class WavFile
{
    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;

    // Streaming writers that cannot seek back leave the data size at 0xFFFFFFFF: "until the end of the file".
    private const uint UnknownDataSize = uint.MaxValue;

    /// <summary>Decodes a WAV file to mono (channels averaged) samples in [-1, 1] at the file's sample rate.</summary>
    /// <exception cref="AudioFormatException">The bytes are not a complete WAV file in a supported encoding.</exception>
    public static AudioClip Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < RiffHeaderSize || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new AudioFormatException("Not a WAV file: it does not start with a RIFF/WAVE header.");
        }

        WavFormat? format = null;
        int offset = RiffHeaderSize;
        while (offset <= wav.Length - ChunkHeaderSize)
        {
            var id = wav.Slice(offset, 4);
            uint declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            int bodyStart = offset + ChunkHeaderSize;
            long available = wav.Length - bodyStart;

            if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new AudioFormatException("WAV file has its data chunk before the \"fmt \" chunk.");
                }

                long size = declaredSize == UnknownDataSize ? available : declaredSize;
                if (size > available)
                {
                    throw new AudioFormatException(
                        $"WAV file is truncated: the data chunk declares {declaredSize} bytes but only {available} are present.");
                }

                var samples = WavSampleDecoder.ToMono(wav.Slice(bodyStart, (int)size), format);
                return new AudioClip(samples, format.SampleRate);
            }

            if (declaredSize > available)
            {
                throw new AudioFormatException(
                    $"WAV file is truncated: chunk \"{ChunkName(id)}\" declares {declaredSize} bytes but only {available} are present.");
            }

            if (id.SequenceEqual("fmt "u8))
            {
                format = WavFormat.Parse(wav.Slice(bodyStart, (int)declaredSize));
            }

            offset = bodyStart + (int)declaredSize + (int)(declaredSize & 1);
        }

        throw new AudioFormatException(format is null
            ? "WAV file has no \"fmt \" chunk (truncated or not audio)."
            : "WAV file has no data chunk (truncated?).");
    }

    /// <summary>Encodes a clip as a mono 16-bit PCM WAV file (samples rounded and clipped to 16 bits).</summary>
    public static byte[] Write(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        int dataSize = checked(clip.Samples.Length * 2);
        var bytes = new byte[44 + dataSize];
        var span = bytes.AsSpan();

        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataSize));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)clip.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)clip.SampleRate * 2); // byte rate
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2); // block align
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16); // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataSize);

        var data = span[44..];
        for (int i = 0; i < clip.Samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * 2)..], PcmConvert.ToInt16(clip.Samples[i]));
        }

        return bytes;
    }

    private static string ChunkName(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }
}
