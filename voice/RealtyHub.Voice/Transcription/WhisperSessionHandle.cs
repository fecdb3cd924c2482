using Microsoft.Win32.SafeHandles;

namespace RealtyHub.Voice.Transcription;

/// <summary>A whisper_state on a shared model; keeps the model alive (DangerousAddRef) until the state is freed.</summary>
internal sealed class WhisperSessionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly WhisperModelHandle model;

    private WhisperSessionHandle(WhisperModelHandle model)
        : base(ownsHandle: true) => this.model = model;

    /// <exception cref="TranscriptionUnavailableException">whisper.cpp could not allocate the state.</exception>
    public static WhisperSessionHandle Open(WhisperModelHandle model)
    {
        var session = new WhisperSessionHandle(model);
        var added = false;
        model.DangerousAddRef(ref added);
        WhisperLog.BeginCapture();
        var state = WhisperNative.SessionOpen(model.DangerousGetHandle());
        if (state == 0)
        {
            model.DangerousRelease();
            throw new TranscriptionUnavailableException(
                $"whisper.cpp could not create a decoding state ({WhisperLog.CapturedError ?? "out of memory?"}).");
        }
        session.SetHandle(state);
        return session;
    }

    protected override bool ReleaseHandle()
    {
        WhisperNative.SessionFree(handle);
        model.DangerousRelease();
        return true;
    }
}
