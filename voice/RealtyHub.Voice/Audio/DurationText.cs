using System.Globalization;

namespace RealtyHub.Voice.Audio;

/// <summary>Durations in error messages as minutes:seconds ("12:05"), also past an hour.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes}:{duration.Seconds:00}");

    public static string FromSamples(long samples, int sampleRate) => Format(TimeSpan.FromSeconds(samples / (double)sampleRate));
}
