namespace RealtyHub.Grains.Conversations;

/// <summary>Where the machine transcript of a voice note stands.</summary>
[GenerateSerializer, Alias("realtyhub.transcript-status")]
public enum TranscriptStatus
{
    Pending = 0,
    Done = 1,
    /// <summary>No speech engine or model on this hub; <see cref="MediaTranscript.Note"/> says how to enable it.</summary>
    Unavailable = 2,
    /// <summary>The audio could not be read or transcribed; <see cref="MediaTranscript.Note"/> says why.</summary>
    Failed = 3,
}

/// <summary>The machine transcript of a voice note (never edited by people, and shown as such).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.media-transcript")]
public sealed record MediaTranscript(
    [property: Id(0)] TranscriptStatus Status,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] string? Language = null,
    [property: Id(3)] string? Note = null)
{
    public static readonly MediaTranscript Pending = new(TranscriptStatus.Pending);
}
