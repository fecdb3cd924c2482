using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Receives whisper.cpp's and ggml's log lines (otherwise printed to stderr) and forwards them to an ILogger:
/// load progress at Trace, problems at Warning. The first error line since <see cref="BeginCapture"/> is kept per
/// thread, because whisper reports why a model failed to load only through its log (the later lines only say "failed").
/// </summary>
internal static unsafe class WhisperLog
{
    private const int Warn = 3;
    private const int Error = 4;

    private static ILogger logger = NullLogger.Instance;

    [ThreadStatic]
    private static string? firstError;

    /// <summary>The logger that receives native lines from now on (the last transcriber created wins).</summary>
    public static void UseLogger(ILogger target) => logger = target;

    public static void Attach() => WhisperNative.SetLog(&OnNativeLog);

    /// <summary>Clears the calling thread's last error before a native call whose failure it may explain.</summary>
    public static void BeginCapture() => firstError = null;

    public static string? CapturedError => firstError;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnNativeLog(int level, byte* text)
    {
        // An exception must never unwind into native frames: logging is best-effort here.
        try
        {
            var line = Marshal.PtrToStringUTF8((nint)text)?.TrimEnd();
            if (string.IsNullOrEmpty(line))
            {
                return;
            }
            if (level == Error)
            {
                firstError ??= line;
            }
            var logLevel = level is Error or Warn ? LogLevel.Warning : LogLevel.Trace;
            if (logger.IsEnabled(logLevel))
            {
                logger.Log(logLevel, "whisper.cpp: {Line}", line);
            }
        }
        catch (Exception)
        {
        }
    }
}
