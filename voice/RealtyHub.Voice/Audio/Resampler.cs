// Our own implementation of what NAudio's WdlResamplingSampleProvider would do; that library is not on our NuGet mirror.
namespace RealtyHub.Voice.Audio;

/// <summary>One-shot sample-rate conversion with a polyphase Kaiser-windowed sinc filter (see <see cref="StreamingResampler"/>).</summary>
/// <remarks>Our own resampler where NAudio's WdlResamplingSampleProvider would otherwise be used.</remarks>
public static class Resampler
{
    /// <summary>Converts <paramref name="input"/> from <paramref name="fromRate"/> to <paramref name="toRate"/>;
    /// the result has ⌈length·to/from⌉ samples, time-aligned with the input (no delay). Equal rates copy.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        var resampler = new StreamingResampler(fromRate, toRate);
        var output = new List<float>((int)Math.Min(int.MaxValue, ((long)input.Length * toRate / fromRate) + 8));
        resampler.Process(input, output);
        output.AddRange(resampler.Flush());
        return [.. output];
    }

    /// <summary>Converts a clip to <paramref name="toRate"/>.</summary>
    public static AudioClip Resample(AudioClip clip, int toRate)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return new AudioClip(Resample(clip.Samples, clip.SampleRate, toRate), toRate);
    }
}
