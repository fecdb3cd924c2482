using RealtyHub.Voice.Transcription;

namespace RealtyHub.Testing;

/// <summary>
/// No trained Whisper model can be downloaded on our build machines, so hubs under test load a generated placeholder
/// (a valid ggml file with untrained weights): the native engine runs for real, its words are whatever the weights give.
/// </summary>
public static class TestWhisperModel
{
    private static readonly Lazy<string> Written = new(Write);

    /// <summary>The model file, written once per machine and test run.</summary>
    public static string Path => Written.Value;

    private static string Write()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "realtyhub-whisper-placeholder-test.bin");
        if (!File.Exists(path))
        {
            // Several test processes may start at once: each writes its own file and moves it into place.
            var own = $"{path}.{Guid.NewGuid():N}";
            PlaceholderWhisperModel.Write(own, WhisperModelShape.Test);
            File.Move(own, path, overwrite: true);
        }

        return path;
    }
}
