namespace RealtyHub.Voice.Transcription;

/// <summary>Whether the native library is usable; Version is null when it is not, with the problem and the fix.</summary>
internal sealed record WhisperLibraryStatus(string? Version, string? Problem, string? Fix)
{
    public bool IsLoaded => Version is not null;

    public string Engine => Version is null ? "whisper.cpp" : $"whisper.cpp {Version}";

    public static WhisperLibraryStatus Missing(string problem) => new(null, problem, WhisperLibrary.BuildFix);
}
