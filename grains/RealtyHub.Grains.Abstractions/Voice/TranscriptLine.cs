namespace RealtyHub.Grains.Voice;

/// <summary>
/// One utterance of a live call, timed from the start of the call's audio. Partial lines (still being spoken) are
/// pushed live and replaced by the final line with the same <see cref="Sequence"/>; only final lines are kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.transcript-line")]
public sealed record TranscriptLine(
    [property: Id(0)] int Sequence,
    [property: Id(1)] TimeSpan Start,
    [property: Id(2)] TimeSpan End,
    [property: Id(3)] string Text,
    [property: Id(4)] bool IsFinal,
    [property: Id(5)] string? Language = null);
