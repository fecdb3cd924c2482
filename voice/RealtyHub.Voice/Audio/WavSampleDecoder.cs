using System.Buffers.Binary;

namespace RealtyHub.Voice.Audio;

/// <summary>Turns the interleaved frames of a WAV data chunk into mono floats by averaging the channels.</summary>
internal static class WavSampleDecoder
{
    public static float[] ToMono(ReadOnlySpan<byte> data, WavFormat format)
    {
        int frames = data.Length / format.BlockAlign;
        var mono = new float[frames];
        int bytesPerSample = format.BytesPerSample;
        float channelScale = 1f / format.Channels;

        for (int frame = 0; frame < frames; frame++)
        {
            var frameBytes = data.Slice(frame * format.BlockAlign, format.BlockAlign);
            float sum = 0;
            for (int channel = 0; channel < format.Channels; channel++)
            {
                sum += ReadSample(frameBytes.Slice(channel * bytesPerSample, bytesPerSample), format);
            }

            mono[frame] = sum * channelScale;
        }

        return mono;
    }

    private static float ReadSample(ReadOnlySpan<byte> bytes, WavFormat format) => format.Encoding switch
    {
        WavEncoding.Pcm => ReadPcm(bytes),
        WavEncoding.IeeeFloat => ReadFloat(bytes),
        WavEncoding.MuLaw => MuLaw.Decode(bytes[0]) / 32768f,
        WavEncoding.ALaw => ALaw.Decode(bytes[0]) / 32768f,
        _ => throw new AudioFormatException($"WAV encoding {format.Encoding} is not supported."),
    };

    private static float ReadPcm(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        // 8-bit WAV is the one unsigned PCM width (offset binary, 128 = silence).
        1 => (bytes[0] - 128) / 128f,
        2 => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768f,
        3 => (((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) >> 8) / 8388608f,
        _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648f,
    };

    private static float ReadFloat(ReadOnlySpan<byte> bytes)
    {
        double value = bytes.Length == 4
            ? BinaryPrimitives.ReadSingleLittleEndian(bytes)
            : BinaryPrimitives.ReadDoubleLittleEndian(bytes);

        // Float WAV may hold NaN/Inf or overs; speech models expect [-1, 1].
        return double.IsFinite(value) ? (float)Math.Clamp(value, -1.0, 1.0) : 0f;
    }
}
