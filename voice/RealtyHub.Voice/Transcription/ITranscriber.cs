namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Speech to text. Implementations queue work with bounded concurrency so transcription never starves the hub's
/// request threads; when the queue is full <see cref="TranscriberBusyException"/> tells the caller to come back later.
/// </summary>
public interface ITranscriber
{
    /// <summary>Whether transcripts can be made now, and if not, why and how to fix it.</summary>
    TranscriberHealth Health { get; }

    /// <summary>Transcribes 16 kHz mono samples in [-1, 1].</summary>
    /// <exception cref="TranscriptionUnavailableException">No engine or model is available.</exception>
    /// <exception cref="TranscriberBusyException">The queue is full.</exception>
    Task<Transcript> TranscribeAsync(ReadOnlyMemory<float> samples, TranscriptionOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Language: an ISO 639-1 code ("en", "ar") or null to let the engine detect it.</summary>
public sealed record TranscriptionOptions(string? Language = null)
{
    public static TranscriptionOptions Default { get; } = new();
}

/// <summary>What the engine heard, segment by segment, with timestamps from the start of the audio.</summary>
public sealed record Transcript(IReadOnlyList<TranscriptSegment> Segments, string? Language, TimeSpan AudioLength, TimeSpan ProcessingTime)
{
    public string Text => string.Join(' ', Segments.Select(s => s.Text.Trim()).Where(t => t.Length > 0));
}

public sealed record TranscriptSegment(TimeSpan Start, TimeSpan End, string Text);

/// <summary>Ready, or unavailable with the reason and the exact fix shown to admins (health, console).</summary>
public sealed record TranscriberHealth(bool IsReady, string Engine, string? Model, string? Problem, string? Fix)
{
    public static TranscriberHealth Ready(string engine, string model) => new(true, engine, model, null, null);

    public static TranscriberHealth Unavailable(string engine, string problem, string fix) => new(false, engine, null, problem, fix);
}

public sealed class TranscriptionUnavailableException(string message) : InvalidOperationException(message);

public sealed class TranscriberBusyException(string message) : InvalidOperationException(message);
