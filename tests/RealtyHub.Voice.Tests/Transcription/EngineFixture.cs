using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>
/// Shared by the native engine tests: placeholder models (the tiny "test" shape, multilingual and English-only) and
/// one spoken sentence, made once. Fails with the fix when the native library was not built.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Folder = Directory.CreateTempSubdirectory("realtyhub-whisper-").FullName;
        MultilingualModel = Path.Combine(Folder, "ggml-test.bin");
        EnglishModel = Path.Combine(Folder, "ggml-test.en.bin");
        PlaceholderWhisperModel.Write(MultilingualModel, WhisperModelShape.Test, seed: 7);
        PlaceholderWhisperModel.Write(EnglishModel, WhisperModelShape.Test.EnglishOnly(), seed: 7);
        Speech = SpokenAudio.Speak(SpokenAudio.ShortSentence);
    }

    public string Folder { get; }

    public string MultilingualModel { get; }

    public string EnglishModel { get; }

    public float[] Speech { get; }

    /// <summary>Settings that keep an untrained model's decoding short: it would otherwise emit tokens up to the limit.</summary>
    public static VoiceOptions FastOptions(string modelPath) => new()
    {
        ModelPath = modelPath,
        MaxTokensPerSegment = 8,
        TemperatureFallback = false,
        ThreadsPerJob = 1,
    };

    /// <summary>Throws with the fix when the library is missing, so a machine without it fails loudly instead of skipping.</summary>
    public static void RequireNativeLibrary()
    {
        var status = WhisperLibrary.Status;
        Assert.True(status.IsLoaded, $"{status.Problem} {status.Fix}");
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
