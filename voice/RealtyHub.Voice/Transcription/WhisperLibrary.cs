using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Finds and loads librealtyhub_whisper.so once per process: next to this assembly (the build copies it into every
/// output folder that references RealtyHub.Voice), or where REALTYHUB_WHISPER_LIBRARY points.
/// </summary>
internal static class WhisperLibrary
{
    public const string FileName = "librealtyhub_whisper.so";
    public const string PathVariable = "REALTYHUB_WHISPER_LIBRARY";
    public const string BuildFix =
        "Install the build tools (apt-get install cmake g++), run voice/native/build-whisper.sh, rebuild and restart " +
        $"the hub (or point {PathVariable} at a built {FileName}).";

    private static readonly Lazy<WhisperLibraryStatus> LoadedStatus = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static WhisperLibraryStatus Status => LoadedStatus.Value;

    private static WhisperLibraryStatus Load()
    {
        var path = Candidates().FirstOrDefault(File.Exists);
        if (path is null)
        {
            return WhisperLibraryStatus.Missing($"The Whisper native library {FileName} was not found next to {typeof(WhisperLibrary).Assembly.GetName().Name}.dll.");
        }
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            return WhisperLibraryStatus.Missing($"The Whisper native library at {path} could not be loaded (wrong architecture or a missing system library).");
        }
        InstallResolver(handle);
        try
        {
            var cpuLevel = WhisperNative.ReadString(WhisperNative.CpuLevel());
            // An AVX2 build on an older CPU would die with SIGILL on the first transcription: refuse it politely instead.
            if (cpuLevel == "avx2" && X86Base.IsSupported && !(Avx2.IsSupported && Fma.IsSupported))
            {
                return new WhisperLibraryStatus(null, $"This CPU lacks AVX2/FMA, which {path} was built for.",
                    "Rebuild it for older CPUs: REALTYHUB_WHISPER_CPU=baseline voice/native/build-whisper.sh, then rebuild the hub.");
            }
            WhisperLog.Attach();
            return new WhisperLibraryStatus(WhisperNative.ReadString(WhisperNative.Version()), null, null);
        }
        catch (EntryPointNotFoundException e)
        {
            return WhisperLibraryStatus.Missing($"{path} is not a RealtyHub Whisper library ({e.Message}).");
        }
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            yield return configured;
        }
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        if (Path.GetDirectoryName(typeof(WhisperLibrary).Assembly.Location) is { Length: > 0 } assemblyFolder)
        {
            yield return Path.Combine(assemblyFolder, FileName);
        }
    }

    private static void InstallResolver(nint handle)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(WhisperLibrary).Assembly,
                (name, _, _) => name == WhisperNative.Library ? handle : 0);
        }
        catch (InvalidOperationException)
        {
            // Another resolver already owns this assembly; the runtime's default probing still finds the library
            // next to the assembly, which is where the build puts it.
        }
    }
}
