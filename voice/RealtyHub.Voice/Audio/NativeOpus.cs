// Our own P/Invoke bindings to the system libopus, where Concentus (managed Opus) would be used; it is not on our NuGet mirror.
using System.Runtime.InteropServices;

namespace RealtyHub.Voice.Audio;

/// <summary>
/// The parts of libopus (Debian package libopus0) and libopusfile (libopusfile0) we call.
/// Our own bindings where Concentus (a managed Opus port) would otherwise be used.
/// </summary>
/// <remarks>APIs: https://opus-codec.org/docs/opus_api-1.3.1/group__opus__decoder.html and
/// https://opus-codec.org/docs/opusfile_api-0.12/group__stream__open__close.html .</remarks>
internal static unsafe partial class NativeOpus
{
    public const string OpusLibrary = "libopus.so.0";
    public const string OpusPackage = "libopus0";
    public const string OpusFileLibrary = "libopusfile.so.0";
    public const string OpusFilePackage = "libopusfile0";

    /// <summary>The largest Opus frame: 120 ms at 48 kHz, per channel.</summary>
    public const int MaxFrameSamples = 5760;

    [LibraryImport(OpusLibrary, EntryPoint = "opus_decoder_create")]
    public static partial nint DecoderCreate(int sampleRate, int channels, out int error);

    [LibraryImport(OpusLibrary, EntryPoint = "opus_decode_float")]
    public static partial int DecodeFloat(nint decoder, byte* data, int length, float* pcm, int frameSize, int decodeFec);

    [LibraryImport(OpusLibrary, EntryPoint = "opus_decoder_destroy")]
    public static partial void DecoderDestroy(nint decoder);

    [LibraryImport(OpusFileLibrary, EntryPoint = "op_open_memory")]
    public static partial nint OpOpenMemory(byte* data, nuint size, out int error);

    [LibraryImport(OpusFileLibrary, EntryPoint = "op_read_float")]
    public static partial int OpReadFloat(nint file, float* pcm, int bufferSize, out int link);

    [LibraryImport(OpusFileLibrary, EntryPoint = "op_pcm_total")]
    public static partial long OpPcmTotal(nint file, int link);

    [LibraryImport(OpusFileLibrary, EntryPoint = "op_channel_count")]
    public static partial int OpChannelCount(nint file, int link);

    [LibraryImport(OpusFileLibrary, EntryPoint = "op_free")]
    public static partial void OpFree(nint file);

    /// <summary>Whether an exception means the native library (or the function) is not installed.</summary>
    public static bool IsMissingLibrary(Exception ex) => ex is DllNotFoundException or EntryPointNotFoundException;

    /// <summary>The error for a missing native library, naming the package to install.</summary>
    public static AudioFormatException MissingLibrary(string library, string package, Exception inner) => new(
        $"Opus audio needs the native library {library}, which is not installed or too old: " +
        $"install the package {package} (apt-get install {package}).",
        inner);
}
