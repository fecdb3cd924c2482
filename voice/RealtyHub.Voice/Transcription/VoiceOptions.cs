namespace RealtyHub.Voice.Transcription;

/// <summary>Settings of the speech-to-text engine, bound from the <c>RealtyHub:Voice</c> configuration section.</summary>
public sealed record VoiceOptions
{
    public const string SectionName = "RealtyHub:Voice";

    /// <summary>The ggml model file; a leading "~/" means the user's home folder.</summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>ISO 639-1 code used when a request names none; null detects it (English-only *.en models always use "en").</summary>
    public string? Language { get; set; }

    /// <summary>Transcriptions running at once, each on its own worker thread with its own whisper state.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Requests that may wait for a worker; one more is refused with <see cref="TranscriberBusyException"/>.</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>CPU threads whisper.cpp uses for one transcription.</summary>
    public int ThreadsPerJob { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Cap on tokens per segment; 0 leaves whisper.cpp's own limit (half the 448-token text context).</summary>
    public int MaxTokensPerSegment { get; set; }

    /// <summary>Re-decode at higher temperatures when the output looks wrong (whisper's default): better text, slower worst case.</summary>
    public bool TemperatureFallback { get; set; } = true;

    /// <summary>
    /// Encode a short clip (under 28 s) in a window cut to its length instead of Whisper's fixed 30 s: live lines and
    /// voice notes get several times cheaper; turn off if a model's accuracy on short clips suffers from it.
    /// </summary>
    public bool FitAudioContext { get; set; } = true;

    /// <summary>Where download-model.sh puts models: $XDG_DATA_HOME/RealtyHub/models, by default ~/.local/share/RealtyHub/models.</summary>
    public static string DefaultModelFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "RealtyHub", "models");

    public static string DefaultModelPath => Path.Combine(DefaultModelFolder, "ggml-base.en.bin");

    /// <summary><see cref="ModelPath"/> with "~/" expanded and made absolute.</summary>
    public string ResolvedModelPath =>
        Path.GetFullPath(ModelPath.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ModelPath[2..])
            : ModelPath);

    /// <summary>Problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            problems.Add($"{SectionName}:ModelPath is empty.");
        }
        if (MaxConcurrency is < 1 or > 64)
        {
            problems.Add($"{SectionName}:MaxConcurrency must be 1..64, not {MaxConcurrency}.");
        }
        if (QueueCapacity is < 1 or > 100_000)
        {
            problems.Add($"{SectionName}:QueueCapacity must be 1..100000, not {QueueCapacity}.");
        }
        if (ThreadsPerJob is < 1 or > 256)
        {
            problems.Add($"{SectionName}:ThreadsPerJob must be 1..256, not {ThreadsPerJob}.");
        }
        if (MaxTokensPerSegment is < 0 or > WhisperModelShape.TextContext)
        {
            problems.Add($"{SectionName}:MaxTokensPerSegment must be 0..{WhisperModelShape.TextContext}, not {MaxTokensPerSegment}.");
        }
        return problems;
    }
}
