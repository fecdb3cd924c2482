namespace RealtyHub.Voice.Audio;

/// <summary>Thresholds of <see cref="VoiceActivityDetector"/>. The defaults suit phone calls and voice notes; see
/// docs/voice-audio.md for how they were measured.</summary>
public sealed record VadOptions
{
    /// <summary>Speech starts when frame energy is this far above the noise floor (default 10 dB)...</summary>
    public double StartMarginDb { get; init; } = 10;

    /// <summary>...for this long without a break (default 100 ms).</summary>
    public TimeSpan StartDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Once the start threshold is crossed, the onset moves back to the earliest frame above
    /// <see cref="ContinueMarginDb"/> within this much before it (default 300 ms), bridging pauses up to
    /// <see cref="StartDuration"/>: soft beginnings ("th", "f", short words) are quieter or shorter than the vowel
    /// that triggers the start.</summary>
    public TimeSpan OnsetLookback { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Once started, a frame counts as speech at this margin over the floor (default 6 dB; hysteresis).</summary>
    public double ContinueMarginDb { get; init; } = 6;

    /// <summary>Frames quieter than this never count as speech, whatever the floor (default -50 dBFS).</summary>
    public double AbsoluteMinimumDb { get; init; } = -50;

    /// <summary>The noise floor is the quietest frame of this recent window (default 3 s): pauses between words
    /// keep it low during speech, while a steady new noise becomes the floor after this long.</summary>
    public TimeSpan NoiseWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An utterance ends after this much silence (hangover, default 600 ms).</summary>
    public TimeSpan Hangover { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Audio kept before the detected onset, so soft beginnings are not clipped (default 200 ms).</summary>
    public TimeSpan PreRoll { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Audio kept after the last speech frame (default 200 ms, at most <see cref="Hangover"/>).</summary>
    public TimeSpan EndPadding { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Speech shorter than this (onset to last speech frame) is dropped as a click or cough (default 300 ms).</summary>
    public TimeSpan MinUtterance { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest utterance; ongoing speech is cut here so live transcripts keep flowing (default 25 s,
    /// under Whisper's 30 s window).</summary>
    public TimeSpan MaxUtterance { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>How often <see cref="SpeechContinuing"/> is raised during speech (default 1 s).</summary>
    public TimeSpan PartialInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        Require(StartDuration > TimeSpan.Zero, nameof(StartDuration), "must be positive");
        Require(NoiseWindow >= TimeSpan.FromMilliseconds(200), nameof(NoiseWindow), "must be at least 200 ms");
        Require(Hangover > TimeSpan.Zero, nameof(Hangover), "must be positive");
        Require(OnsetLookback >= TimeSpan.Zero, nameof(OnsetLookback), "must not be negative");
        Require(PreRoll >= TimeSpan.Zero, nameof(PreRoll), "must not be negative");
        Require(EndPadding >= TimeSpan.Zero && EndPadding <= Hangover, nameof(EndPadding), "must be between 0 and Hangover");
        Require(MinUtterance >= TimeSpan.Zero, nameof(MinUtterance), "must not be negative");
        Require(MaxUtterance > PreRoll + MinUtterance + StartDuration, nameof(MaxUtterance), "must exceed PreRoll + MinUtterance + StartDuration");
        Require(PartialInterval > TimeSpan.Zero, nameof(PartialInterval), "must be positive");
        Require(ContinueMarginDb <= StartMarginDb, nameof(ContinueMarginDb), "must not exceed StartMarginDb");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"VadOptions.{name} {rule}.", name);
        }
    }
}
