using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.Voice.Audio;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>Turns a caller's WAV into what a Twilio Media Stream carries: 8 kHz mono mu-law in 20 ms (160-byte) frames.</summary>
internal static class CallAudio
{
    public static readonly TimeSpan FrameLength = TimeSpan.FromMilliseconds(20);

    /// <summary>An emulated call longer than this is refused, so a demo script cannot tie the emulator up for hours.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    private const int FrameBytes = MediaStreamMedia.BytesPer20Milliseconds;

    // The mu-law code of a zero sample: pads the last frame, as Twilio's frames are always whole.
    private const byte Silence = 0xFF;

    /// <summary>The mu-law frames of <paramref name="wav"/> (any rate, any channel count).</summary>
    /// <exception cref="FormatException">Not a WAV file this decoder reads (the message says why).</exception>
    /// <exception cref="ArgumentException">No audio, or longer than <see cref="MaxDuration"/>.</exception>
    public static IReadOnlyList<ReadOnlyMemory<byte>> ToMuLawFrames(ReadOnlySpan<byte> wav)
    {
        var clip = WavFile.Read(wav);
        if (clip.Samples.Length == 0)
        {
            throw new ArgumentException("The call's WAV file has no audio samples.", nameof(wav));
        }

        if (clip.Duration > MaxDuration)
        {
            throw new ArgumentException($"The call's audio lasts {clip.Duration}; emulated calls are limited to {MaxDuration}.", nameof(wav));
        }

        var samples = Resampler.Resample(clip.Samples, clip.SampleRate, MediaStreamFormat.MuLaw8000.SampleRate);
        var codes = new byte[(samples.Length + FrameBytes - 1) / FrameBytes * FrameBytes];
        codes.AsSpan(samples.Length).Fill(Silence);
        MuLaw.Encode(samples, codes);

        var frames = new ReadOnlyMemory<byte>[codes.Length / FrameBytes];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = codes.AsMemory(i * FrameBytes, FrameBytes);
        }

        return frames;
    }
}
