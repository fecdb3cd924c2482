using System.Collections.Concurrent;
using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>Speech from espeak-ng (deterministic synthesis), cached per sentence for the test run.</summary>
internal static class TestSpeech
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Cache = new();

    /// <summary>The WAV file espeak-ng writes for <paramref name="text"/> (22.05 kHz mono 16-bit).</summary>
    public static byte[] Wav(string text) => Cache.GetOrAdd(text, t => new Lazy<byte[]>(() => Synthesize(t))).Value;

    public static AudioClip Clip(string text) => WavFile.Read(Wav(text));

    public static AudioClip Clip16k(string text) => Resampler.Resample(Clip(text), 16000);

    /// <summary>Encodes a WAV with opusenc (opus-tools) and returns the .opus (Ogg) bytes.</summary>
    public static byte[] OpusEncode(byte[] wav, params string[] options)
    {
        using var directory = new TempDirectory();
        System.IO.File.WriteAllBytes(directory.File("in.wav"), wav);
        ExternalTool.Run("opusenc", "opus-tools", [.. options, "--quiet", directory.File("in.wav"), directory.File("out.opus")]);
        return System.IO.File.ReadAllBytes(directory.File("out.opus"));
    }

    private static byte[] Synthesize(string text)
    {
        using var directory = new TempDirectory();
        ExternalTool.Run("espeak-ng", "espeak-ng", "-v", "en-us", "-s", "160", "-w", directory.File("speech.wav"), text);
        return System.IO.File.ReadAllBytes(directory.File("speech.wav"));
    }
}
