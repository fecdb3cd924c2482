// Our own whisper.cpp binding, where Whisper.net (absent from our NuGet mirror) would otherwise be used.
using System.Runtime.InteropServices;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// P/Invoke surface of librealtyhub_whisper.so (voice/native/realtyhub_whisper.h). Only our shim's flat functions are
/// bound, never whisper.cpp's structs, so a whisper.cpp upgrade cannot silently break the marshalling.
/// </summary>
internal static unsafe partial class WhisperNative
{
    public const string Library = "realtyhub_whisper";

    public const int Ok = 0;
    public const int ArgumentError = -1;
    public const int UnknownLanguage = -2;
    public const int Cancelled = -3;
    public const int EngineError = -4;

    [LibraryImport(Library, EntryPoint = "rh_whisper_version")]
    public static partial nint Version();

    [LibraryImport(Library, EntryPoint = "rh_whisper_cpu_level")]
    public static partial nint CpuLevel();

    [LibraryImport(Library, EntryPoint = "rh_whisper_set_log")]
    public static partial void SetLog(delegate* unmanaged[Cdecl]<int, byte*, void> callback);

    [LibraryImport(Library, EntryPoint = "rh_whisper_language_id", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LanguageId(string language);

    [LibraryImport(Library, EntryPoint = "rh_whisper_model_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ModelOpen(string path);

    [LibraryImport(Library, EntryPoint = "rh_whisper_model_free")]
    public static partial void ModelFree(nint model);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_open")]
    public static partial nint SessionOpen(nint model);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_free")]
    public static partial void SessionFree(nint session);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_transcribe", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SessionTranscribe(
        nint session, float* samples, int sampleCount, string? language, int threads, int maxTokens, int temperatureFallback, int fitAudioContext);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_cancel")]
    public static partial void SessionCancel(nint session);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_reset_cancel")]
    public static partial void SessionResetCancel(nint session);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_segment_count")]
    public static partial int SegmentCount(nint session);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_segment_text")]
    public static partial nint SegmentText(nint session, int index);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_segment_t0")]
    public static partial long SegmentStart(nint session, int index);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_segment_t1")]
    public static partial long SegmentEnd(nint session, int index);

    [LibraryImport(Library, EntryPoint = "rh_whisper_session_language")]
    public static partial nint SessionLanguage(nint session);

    /// <summary>Copies a UTF-8 C string owned by the library; whisper may split a multi-byte character across
    /// segments, and the decoder then substitutes U+FFFD rather than failing.</summary>
    public static string ReadString(nint utf8) => utf8 == 0 ? string.Empty : Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
