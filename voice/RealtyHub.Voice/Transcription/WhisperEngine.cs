// Our own whisper.cpp binding, where Whisper.net (absent from our NuGet mirror) would otherwise be used.
namespace RealtyHub.Voice.Transcription;

/// <summary>
/// whisper.cpp behind <see cref="ISpeechEngine"/>: checks the native library and the model file for health, loads the
/// model once on first use and shares its weights with every worker's session.
/// </summary>
internal sealed class WhisperEngine(VoiceOptions options) : ISpeechEngine
{
    private readonly Lock gate = new();
    private readonly string modelPath = options.ResolvedModelPath;
    private (long Length, DateTime Written)? checkedStamp;
    private TranscriberHealth? checkedHealth;
    private WhisperModelInfo? modelInfo;
    private WhisperModelHandle? model;
    private bool disposed;

    public static string ModelFix =>
        $"Run voice/models/download-model.sh base.en (needs internet) or set {VoiceOptions.SectionName}:ModelPath.";

    public TranscriberHealth Health
    {
        get
        {
            var library = WhisperLibrary.Status;
            if (!library.IsLoaded)
            {
                return TranscriberHealth.Unavailable(library.Engine, library.Problem!, library.Fix!);
            }
            lock (gate)
            {
                return CheckModel(library);
            }
        }
    }

    public string? DefaultLanguage =>
        options.Language ?? (modelInfo is { IsMultilingual: false } ? "en" : null);

    public bool IsKnownLanguage(string language) => WhisperNative.LanguageId(language) >= 0;

    public ISpeechSession OpenSession()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (model is null)
            {
                var health = Health;
                if (!health.IsReady)
                {
                    throw new TranscriptionUnavailableException($"{health.Problem} {health.Fix}");
                }
                model = LoadModel();
            }
            return new WhisperSession(WhisperSessionHandle.Open(model), options);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            // Sessions still open keep the native model alive through their reference on the handle.
            model?.Dispose();
        }
    }

    private TranscriberHealth CheckModel(WhisperLibraryStatus library)
    {
        if (model is not null)
        {
            return checkedHealth!;
        }
        var file = new FileInfo(modelPath);
        if (!file.Exists)
        {
            checkedStamp = null;
            return TranscriberHealth.Unavailable(library.Engine, $"No Whisper model at {modelPath}", ModelFix);
        }
        var stamp = (file.Length, file.LastWriteTimeUtc);
        if (checkedStamp != stamp || checkedHealth is null)
        {
            checkedStamp = stamp;
            checkedHealth = Inspect(library);
        }
        return checkedHealth;
    }

    private TranscriberHealth Inspect(WhisperLibraryStatus library)
    {
        try
        {
            modelInfo = WhisperModelFile.Inspect(modelPath);
            return TranscriberHealth.Ready(library.Engine, $"{Path.GetFileName(modelPath)} ({modelInfo.Type})");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            modelInfo = null;
            return TranscriberHealth.Unavailable(library.Engine, e.Message, $"Replace the file. {ModelFix}");
        }
    }

    private WhisperModelHandle LoadModel()
    {
        WhisperLog.BeginCapture();
        var handle = WhisperNative.ModelOpen(modelPath);
        if (handle == 0)
        {
            // Remembered for this file version, so each request does not retry a load that cannot work.
            checkedHealth = TranscriberHealth.Unavailable(WhisperLibrary.Status.Engine,
                $"whisper.cpp could not load {modelPath}: {WhisperLog.CapturedError ?? "no reason logged"}", $"Replace the file. {ModelFix}");
            throw new TranscriptionUnavailableException($"{checkedHealth.Problem} {checkedHealth.Fix}");
        }
        return new WhisperModelHandle(handle);
    }
}
