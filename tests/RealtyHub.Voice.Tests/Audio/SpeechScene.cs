using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>espeak-ng sentences placed on a 16 kHz timeline at known times, with seeded white noise at a set SNR.</summary>
internal sealed class SpeechScene
{
    public const int Rate = 16000;

    private SpeechScene(float[] samples, IReadOnlyList<(TimeSpan Start, TimeSpan End)> speech)
    {
        Samples = samples;
        Speech = speech;
    }

    public float[] Samples { get; }

    /// <summary>Where each sentence's audible speech (frames within 30 dB of its loudest) starts and ends.</summary>
    public IReadOnlyList<(TimeSpan Start, TimeSpan End)> Speech { get; }

    public static SpeechScene Build(string[] sentences, TimeSpan[] silencesBefore, TimeSpan trailingSilence, double snrDb, int seed)
    {
        var timeline = new List<float>();
        var speech = new List<(TimeSpan, TimeSpan)>();
        double speechEnergy = 0;
        long speechSamples = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            var active = AudibleSpan(TestSpeech.Clip16k(sentences[i]).Samples);
            timeline.AddRange(new float[(int)(silencesBefore[i].TotalSeconds * Rate)]);
            speech.Add((Time(timeline.Count), Time(timeline.Count + active.Length)));
            timeline.AddRange(active);
            speechEnergy += active.Sum(s => s * (double)s);
            speechSamples += active.Length;
        }

        timeline.AddRange(new float[(int)(trailingSilence.TotalSeconds * Rate)]);

        // Speech at -20 dBFS RMS, noise below it by the SNR.
        double speechRms = Math.Sqrt(speechEnergy / speechSamples);
        float gain = (float)(0.1 / speechRms);
        var noise = Signals.Noise(timeline.Count, 0.1 / Math.Pow(10, snrDb / 20), seed);
        var mixed = timeline.Select((s, i) => (s * gain) + noise[i]).ToArray();
        return new SpeechScene(mixed, speech);
    }

    /// <summary>The scene as heard through a phone line: 8 kHz, mu-law, back to 16 kHz.</summary>
    public float[] ThroughTelephone()
    {
        var narrow = Resampler.Resample(Samples, Rate, 8000);
        var codes = new byte[narrow.Length];
        MuLaw.Encode(narrow, codes);
        MuLaw.Decode(codes, narrow);
        return Resampler.Resample(narrow, 8000, Rate);
    }

    private static float[] AudibleSpan(float[] samples)
    {
        const int Frame = Rate / 100;
        var rms = Enumerable.Range(0, samples.Length / Frame).Select(f => Signals.Rms(samples.AsSpan(f * Frame, Frame))).ToArray();
        double threshold = rms.Max() * Math.Pow(10, -30 / 20.0);
        int first = Array.FindIndex(rms, r => r > threshold);
        int last = Array.FindLastIndex(rms, r => r > threshold);
        return samples[(first * Frame)..((last + 1) * Frame)];
    }

    private static TimeSpan Time(long sample) => TimeSpan.FromTicks(sample * TimeSpan.TicksPerSecond / Rate);
}
