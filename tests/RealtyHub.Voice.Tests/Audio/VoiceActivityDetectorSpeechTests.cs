using RealtyHub.Voice.Audio;
using Xunit.Abstractions;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class VoiceActivityDetectorSpeechTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(150);

    private static readonly string[] Sentences =
    [
        "Good morning, this is Maria from Harbor Realty.",
        "The house on Elm Street has three bedrooms and a garden.",
        "Can we schedule a viewing for Thursday afternoon?",
    ];

    private static readonly TimeSpan[] Silences = [TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.2)];

    [Fact]
    public void Three_sentences_in_noise_at_20_dB_SNR_give_three_utterances_within_150_ms()
    {
        var scene = SpeechScene.Build(Sentences, Silences, TimeSpan.FromSeconds(1.5), snrDb: 20, seed: 11);

        AssertUtterancesMatch(scene, Detect(scene.Samples, chunkSeed: 1), "16 kHz, 20 dB SNR");
    }

    [Fact]
    public void The_same_sentences_through_an_8k_mu_law_telephone_path_give_three_utterances_within_150_ms()
    {
        var scene = SpeechScene.Build(Sentences, Silences, TimeSpan.FromSeconds(1.5), snrDb: 20, seed: 12);

        AssertUtterancesMatch(scene, Detect(scene.ThroughTelephone(), chunkSeed: 2), "8 kHz mu-law, 20 dB SNR");
    }

    [Fact]
    public void Sentences_in_noise_at_10_dB_SNR_are_still_separated()
    {
        var scene = SpeechScene.Build(Sentences, Silences, TimeSpan.FromSeconds(1.5), snrDb: 10, seed: 13);

        var utterances = Detect(scene.Samples, chunkSeed: 3).OfType<UtteranceEnded>().ToList();

        Report(scene, utterances, "16 kHz, 10 dB SNR");
        Assert.Equal(3, utterances.Count);
    }

    private void AssertUtterancesMatch(SpeechScene scene, IReadOnlyList<VadEvent> events, string label)
    {
        var utterances = events.OfType<UtteranceEnded>().ToList();
        var options = new VadOptions();
        Report(scene, utterances, label);

        Assert.Equal(scene.Speech.Count, utterances.Count);
        Assert.Equal(scene.Speech.Count, events.OfType<SpeechStarted>().Count());
        for (int i = 0; i < utterances.Count; i++)
        {
            var onset = utterances[i].Start + options.PreRoll;
            var speechEnd = utterances[i].End - options.EndPadding;
            Assert.InRange(onset, scene.Speech[i].Start - Tolerance, scene.Speech[i].Start + Tolerance);
            Assert.InRange(speechEnd, scene.Speech[i].End - Tolerance, scene.Speech[i].End + Tolerance);
            Assert.False(utterances[i].ForcedCut);
            Assert.Equal(utterances[i].End - utterances[i].Start, utterances[i].Audio.Duration);
        }
    }

    private void Report(SpeechScene scene, List<UtteranceEnded> utterances, string label)
    {
        var options = new VadOptions();
        for (int i = 0; i < Math.Min(utterances.Count, scene.Speech.Count); i++)
        {
            var startError = utterances[i].Start + options.PreRoll - scene.Speech[i].Start;
            var endError = utterances[i].End - options.EndPadding - scene.Speech[i].End;
            output.WriteLine($"{label}: utterance {i}: onset error {startError.TotalMilliseconds:F0} ms, end error {endError.TotalMilliseconds:F0} ms");
        }

        output.WriteLine($"{label}: {utterances.Count} utterances for {scene.Speech.Count} sentences");
    }

    /// <summary>Feeds the detector in seeded random chunk sizes (1 sample to 100 ms), as a live stream would.</summary>
    private static List<VadEvent> Detect(float[] samples, int chunkSeed)
    {
        var detector = new VoiceActivityDetector();
        var random = new Random(chunkSeed);
        var events = new List<VadEvent>();
        for (int offset = 0; offset < samples.Length;)
        {
            int size = Math.Min(random.Next(1, 1600), samples.Length - offset);
            events.AddRange(detector.Process(samples.AsSpan(offset, size)));
            offset += size;
        }

        events.AddRange(detector.Flush());
        return events;
    }
}
