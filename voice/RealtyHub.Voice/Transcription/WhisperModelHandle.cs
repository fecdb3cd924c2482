using Microsoft.Win32.SafeHandles;

namespace RealtyHub.Voice.Transcription;

/// <summary>A loaded model (whisper_context without state); freed once the last session using it is gone.</summary>
internal sealed class WhisperModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WhisperModelHandle(nint model)
        : base(ownsHandle: true) => SetHandle(model);

    protected override bool ReleaseHandle()
    {
        WhisperNative.ModelFree(handle);
        return true;
    }
}
