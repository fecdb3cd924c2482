using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class VoiceActivityDetectorTests
{
    private const int Rate = VoiceActivityDetector.SampleRate;

    [Fact]
    public void Digital_silence_and_steady_quiet_noise_raise_no_events()
    {
        var detector = new VoiceActivityDetector();

        var events = detector.Process(new float[Rate * 2]).Concat(detector.Process(Signals.Noise(Rate * 5, 0.001, seed: 1))).Concat(detector.Flush());

        Assert.Empty(events);
    }

    [Fact]
    public void A_click_shorter_than_the_minimum_utterance_is_ignored()
    {
        var audio = Scene((1.0, 0.0), (0.15, 0.3), (2.0, 0.0));

        var events = Run(new VoiceActivityDetector(), audio, chunk: 320);

        Assert.Empty(events);
    }

    [Fact]
    public void A_burst_of_speech_like_sound_gives_started_then_ended_with_the_exact_audio()
    {
        var audio = Scene((1.0, 0.0), (1.2, 0.3), (2.0, 0.0));

        var events = Run(new VoiceActivityDetector(), audio, chunk: 333);

        var started = Assert.IsType<SpeechStarted>(events[0]);
        var ended = Assert.IsType<UtteranceEnded>(events[^1]);
        Assert.Equal(started.At, ended.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(800), ended.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(2400), ended.End);
        Assert.Equal(audio[(Rate * 8 / 10)..(Rate * 24 / 10)], ended.Audio.Samples);
        Assert.False(ended.ForcedCut);
    }

    [Fact]
    public void Partial_audio_is_reported_every_interval_while_speech_goes_on()
    {
        var audio = Scene((1.0, 0.0), (3.5, 0.3), (2.0, 0.0));

        var partials = Run(new VoiceActivityDetector(), audio, chunk: 160).OfType<SpeechContinuing>().ToList();

        // Audio starts at 0.8 s (pre-roll); speech ends at 4.5 s and the hangover runs to 5.1 s, so the partial at
        // 4.8 s still comes (it holds the last 0.7 s of speech) and none after it.
        Assert.Equal([1.0, 2.0, 3.0, 4.0], partials.Select(p => p.SoFar.Duration.TotalSeconds));
        Assert.All(partials, p => Assert.Equal(TimeSpan.FromMilliseconds(800), p.Start));
    }

    [Fact]
    public void Speech_longer_than_the_maximum_is_cut_into_contiguous_pieces()
    {
        var options = new VadOptions { MaxUtterance = TimeSpan.FromSeconds(4) };
        var audio = Scene((1.0, 0.0), (10.0, 0.3), (2.0, 0.0));

        var utterances = Run(new VoiceActivityDetector(options), audio, chunk: 480).OfType<UtteranceEnded>().ToList();

        Assert.Equal([true, true, false], utterances.Select(u => u.ForcedCut));
        Assert.All(utterances, u => Assert.True(u.Audio.Duration <= options.MaxUtterance));
        Assert.Equal(utterances[0].End, utterances[1].Start);
        Assert.Equal(utterances[1].End, utterances[2].Start);
        Assert.Equal(TimeSpan.FromSeconds(11.2), utterances[2].End);
    }

    [Fact]
    public void Chunk_size_does_not_change_the_events()
    {
        var audio = Scene((0.7, 0.0), (1.3, 0.2), (0.9, 0.0), (2.1, 0.4), (1.0, 0.0));
        string Describe(IEnumerable<VadEvent> events) => string.Join(";", events.Select(e => e switch
        {
            UtteranceEnded u => $"end {u.Start}-{u.End} {u.Audio.Samples.Sum():F4}",
            SpeechContinuing c => $"partial {c.SoFar.Duration}",
            _ => e.ToString(),
        }));

        string whole = Describe(Run(new VoiceActivityDetector(), audio, chunk: audio.Length));

        Assert.Contains("end", whole, StringComparison.Ordinal);
        Assert.Equal(whole, Describe(Run(new VoiceActivityDetector(), audio, chunk: 1)));
        Assert.Equal(whole, Describe(Run(new VoiceActivityDetector(), audio, chunk: 317)));
    }

    [Fact]
    public void Flush_closes_speech_that_is_still_going_on_at_the_end_of_the_stream()
    {
        var detector = new VoiceActivityDetector();
        var audio = Scene((1.0, 0.0), (1.0, 0.3));

        var during = detector.Process(audio);
        var atEnd = detector.Flush();

        Assert.Empty(during.OfType<UtteranceEnded>());
        var ended = Assert.IsType<UtteranceEnded>(Assert.Single(atEnd));
        Assert.Equal(TimeSpan.FromSeconds(2), ended.End);
    }

    [Theory]
    [InlineData("Hangover")]
    [InlineData("EndPadding")]
    [InlineData("MaxUtterance")]
    [InlineData("ContinueMarginDb")]
    public void Inconsistent_options_are_refused_with_the_setting_named(string setting)
    {
        var options = setting switch
        {
            "Hangover" => new VadOptions { Hangover = TimeSpan.Zero, EndPadding = TimeSpan.Zero },
            "EndPadding" => new VadOptions { EndPadding = TimeSpan.FromSeconds(1) },
            "MaxUtterance" => new VadOptions { MaxUtterance = TimeSpan.FromMilliseconds(500) },
            _ => new VadOptions { ContinueMarginDb = 20 },
        };

        var ex = Assert.Throws<ArgumentException>(() => new VoiceActivityDetector(options));

        Assert.Contains($"VadOptions.{setting}", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Silence (quiet seeded noise at -60 dBFS) and "speech": 200 Hz bursts of 180 ms with 40 ms pauses,
    /// as syllables, at the given amplitude; each part is (seconds, amplitude).</summary>
    private static float[] Scene(params (double Seconds, double Amplitude)[] parts)
    {
        var samples = new List<float>();
        foreach (var (seconds, amplitude) in parts)
        {
            int length = (int)Math.Round(seconds * Rate);
            for (int i = 0; i < length; i++)
            {
                bool syllable = i % (Rate * 22 / 100) < Rate * 18 / 100;
                samples.Add(syllable ? (float)(amplitude * Math.Sin(2 * Math.PI * 200 * i / Rate)) : 0f);
            }
        }

        var noise = Signals.Noise(samples.Count, 0.001, seed: 7);
        return samples.Select((s, i) => s + noise[i]).ToArray();
    }

    private static List<VadEvent> Run(VoiceActivityDetector detector, float[] audio, int chunk)
    {
        var events = new List<VadEvent>();
        for (int offset = 0; offset < audio.Length; offset += chunk)
        {
            events.AddRange(detector.Process(audio.AsSpan(offset, Math.Min(chunk, audio.Length - offset))));
        }

        events.AddRange(detector.Flush());
        return events;
    }
}
