namespace RealtyHub.Voice.Audio;

/// <summary>Mono audio: samples in [-1, 1] at <paramref name="SampleRate"/> samples per second.</summary>
/// <param name="Samples">The samples; the clip owns the array, callers should not change it after construction.</param>
/// <param name="SampleRate">Samples per second, positive.</param>
#pragma warning disable CA1819 // A plain array keeps the decode → resample → transcribe path copy-free.
public sealed record AudioClip(float[] Samples, int SampleRate)
#pragma warning restore CA1819
{
    /// <summary>How long the clip plays.</summary>
    public TimeSpan Duration => SampleRate > 0
        ? TimeSpan.FromTicks(Samples.LongLength * TimeSpan.TicksPerSecond / SampleRate)
        : TimeSpan.Zero;

    /// <summary>A silent clip of the given length.</summary>
    public static AudioClip Silence(TimeSpan duration, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new AudioClip(new float[(int)Math.Round(duration.TotalSeconds * sampleRate)], sampleRate);
    }
}
