namespace RealtyHub.Voice.Audio;

/// <summary>Decodes Ogg/Opus (WhatsApp voice notes, opusenc output) to 48 kHz mono through libopusfile.</summary>
/// <remarks>libopusfile handles pre-skip, output gain, chained streams and seeking; see
/// https://opus-codec.org/docs/opusfile_api-0.12/group__stream__decoding.html .</remarks>
internal static class OggOpusDecoder
{
    public const int SampleRate = 48000;

    // opusfile error codes (opusfile.h) worth a friendlier message.
    private const int Hole = -3;
    private const int NotFormat = -132;
    private const int BadHeader = -133;

    public static AudioClip Decode(ReadOnlySpan<byte> ogg, TimeSpan maxDuration)
    {
        OggPages.ThrowIfTruncated(ogg);
        try
        {
            return DecodeNative(ogg, maxDuration);
        }
        catch (Exception ex) when (NativeOpus.IsMissingLibrary(ex))
        {
            throw NativeOpus.MissingLibrary(NativeOpus.OpusFileLibrary, NativeOpus.OpusFilePackage, ex);
        }
    }

    private static unsafe AudioClip DecodeNative(ReadOnlySpan<byte> ogg, TimeSpan maxDuration)
    {
        long maxSamples = (long)(maxDuration.TotalSeconds * SampleRate);
        fixed (byte* data = ogg)
        {
            nint file = NativeOpus.OpOpenMemory(data, (nuint)ogg.Length, out int error);
            if (file == 0)
            {
                throw new AudioFormatException(error is NotFormat or BadHeader
                    ? "Not an Ogg/Opus file: the Ogg stream does not start with valid Opus headers."
                    : $"Cannot open the Ogg/Opus file (opusfile error {error}); it may be corrupt or truncated.");
            }

            try
            {
                long total = NativeOpus.OpPcmTotal(file, -1);
                if (total > maxSamples)
                {
                    throw TooLong(total, maxDuration);
                }

                return new AudioClip(ReadAll(file, total, maxSamples, maxDuration), SampleRate);
            }
            finally
            {
                NativeOpus.OpFree(file);
            }
        }
    }

    private static unsafe float[] ReadAll(nint file, long expectedSamples, long maxSamples, TimeSpan maxDuration)
    {
        // opusfile returns at most 120 ms per call; 8 channels is the most a single Opus stream carries in one family.
        var buffer = new float[NativeOpus.MaxFrameSamples * 8];
        var mono = new List<float>((int)Math.Clamp(expectedSamples, 0, maxSamples));
        fixed (float* pcm = buffer)
        {
            while (true)
            {
                int frames = NativeOpus.OpReadFloat(file, pcm, buffer.Length, out int link);
                if (frames == 0)
                {
                    return [.. mono];
                }

                if (frames == Hole)
                {
                    continue; // A gap in the page sequence: opusfile skips it, as a player would.
                }

                if (frames < 0)
                {
                    throw new AudioFormatException($"The Ogg/Opus file is corrupt after {mono.Count / (double)SampleRate:F2} s (opusfile error {frames}).");
                }

                int channels = NativeOpus.OpChannelCount(file, link);
                Downmix.AppendMono(buffer.AsSpan(0, frames * channels), channels, mono);
                if (mono.Count > maxSamples)
                {
                    throw TooLong(mono.Count, maxDuration);
                }
            }
        }
    }

    private static AudioFormatException TooLong(long samples, TimeSpan maxDuration) => new(
        $"The audio lasts {DurationText.FromSamples(samples, SampleRate)} or more; the limit is {DurationText.Format(maxDuration)}. Send a shorter recording.");
}
