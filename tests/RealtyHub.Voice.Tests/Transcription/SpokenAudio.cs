using System.Diagnostics;
using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>Real speech for the engine tests: espeak-ng speaks a sentence to a 22.05 kHz WAV, resampled to 16 kHz.</summary>
internal static class SpokenAudio
{
    public const int SampleRate = 16_000;

    /// <summary>About three seconds of English.</summary>
    public const string ShortSentence = "The three bedroom apartment near the marina is still available.";

    /// <summary>About ten seconds of English, for the real-time factor.</summary>
    public const string TenSeconds =
        "Good morning, this is Sara from the Dubai Marina office. The client wants a three bedroom apartment " +
        "with a sea view, a budget of two million, and a viewing on Thursday afternoon if the owner agrees.";

    public static float[] Speak(string text)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"realtyhub-speech-{Guid.NewGuid():N}.wav");
        try
        {
            Run("espeak-ng", ["-w", wav, text]);
            var clip = WavFile.Read(File.ReadAllBytes(wav));
            return Resampler.Resample(clip, SampleRate).Samples;
        }
        finally
        {
            File.Delete(wav);
        }
    }

    private static void Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not on PATH: install it with 'apt-get install espeak-ng'.", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {errors}");
            }
        }
    }
}
