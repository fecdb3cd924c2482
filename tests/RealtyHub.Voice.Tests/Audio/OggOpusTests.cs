using RealtyHub.Voice.Audio;
using Xunit.Abstractions;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class OggOpusTests(ITestOutputHelper output)
{
    private const string Sentence = "Hello, I would like to see the apartment on Main Street tomorrow at ten.";

    [Theory]
    [InlineData("64")]
    [InlineData("16")]
    public void Ogg_opus_speech_decodes_to_16k_and_matches_the_original_with_correlation_at_least_0_9(string kbps)
    {
        var ogg = TestSpeech.OpusEncode(TestSpeech.Wav(Sentence), "--bitrate", kbps);
        var original = TestSpeech.Clip16k(Sentence);

        var decoded = SpeechAudio.Decode(ogg, "audio/ogg; codecs=opus");

        var (correlation, lag) = Similarity.BestCorrelation(original.Samples, decoded.Samples, maxLag: 160);
        output.WriteLine($"opusenc {kbps} kbps: correlation {correlation:F4} at lag {lag} samples; {ogg.Length} bytes");
        Assert.Equal(16000, decoded.SampleRate);
        Assert.InRange(decoded.Duration - original.Duration, TimeSpan.FromMilliseconds(-25), TimeSpan.FromMilliseconds(25));
        Assert.True(correlation >= 0.9, $"correlation {correlation:F3}");
    }

    [Fact]
    public void Stereo_ogg_opus_is_downmixed_by_averaging_the_channels()
    {
        // Left: 440 Hz at 0.4, right: silence → the mono mix has the tone at 0.2.
        var left = Signals.Tone(440, 48000, 1.0, amplitude: 0.4);
        var stereo = new byte[left.Length * 4];
        for (int i = 0; i < left.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(stereo.AsSpan(i * 4), (short)(left[i] * 32767));
        }

        var wav = new TestWavBuilder().Format(1, 2, 48000, 16).Chunk("data", stereo).Build();

        var decoded = SpeechAudio.Decode(TestSpeech.OpusEncode(wav, "--bitrate", "96"), null);

        double level = Signals.Amplitude(Signals.Middle(decoded.Samples), 440, 16000);
        Assert.InRange(Signals.Decibels(level / 0.2), -1.0, 1.0);
    }

    [Fact]
    public void Half_an_ogg_file_is_reported_as_truncated()
    {
        var ogg = TestSpeech.OpusEncode(TestSpeech.Wav(Sentence));

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(ogg.AsSpan(0, ogg.Length / 2), "audio/ogg"));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ogg_stream_that_is_not_opus_is_refused_clearly()
    {
        // One complete Ogg page (no CRC check happens before the codec check) carrying a Vorbis-like header.
        byte[] body = [.. "\u0001vorbis"u8, .. new byte[23]];
        byte[] page = [.. "OggS"u8, 0, 2, .. new byte[8], 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)body.Length, .. body];

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(page, "audio/ogg"));

        Assert.Contains("Opus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ogg_audio_longer_than_the_limit_is_refused_before_it_is_decoded()
    {
        var ogg = TestSpeech.OpusEncode(TestSpeech.Wav(Sentence));

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(ogg, "audio/ogg", TimeSpan.FromSeconds(1)));

        Assert.Contains("limit is 0:01", ex.Message, StringComparison.Ordinal);
    }
}
