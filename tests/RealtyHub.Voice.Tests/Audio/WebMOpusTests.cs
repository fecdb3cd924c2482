using RealtyHub.Voice.Audio;
using Xunit.Abstractions;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class WebMOpusTests(ITestOutputHelper output)
{
    private const string Sentence = "The seller accepted the offer, please call the buyer before five.";

    [Fact]
    public void Chromium_style_webm_with_unknown_size_segment_and_clusters_decodes_speech()
    {
        var original = TestSpeech.Clip16k(Sentence);
        var (webm, _) = EncodeSpeech(new TestWebMWriter.Options());

        var decoded = SpeechAudio.Decode(webm, "audio/webm;codecs=opus");

        var (correlation, lag) = Similarity.BestCorrelation(original.Samples, decoded.Samples, maxLag: 160);
        output.WriteLine($"WebM/Opus (libopus VOIP default bitrate): correlation {correlation:F4} at lag {lag}");
        Assert.True(correlation >= 0.9, $"correlation {correlation:F3}");
        Assert.InRange(lag, -2, 2);
    }

    [Fact]
    public void Pre_skip_is_dropped_so_the_length_is_packets_times_frame_minus_pre_skip()
    {
        var (webm, encoder) = EncodeSpeech(new TestWebMWriter.Options(UnknownSizes: false, BlockGroups: true));
        int packets = (int)Math.Ceiling(Resampler.Resample(TestSpeech.Clip(Sentence), 48000).Samples.Length / 960.0);

        var decoded = WebMOpusDecoder.Decode(webm, TimeSpan.FromMinutes(1));

        Assert.True(encoder.Lookahead > 0);
        Assert.Equal((packets * 960) - encoder.Lookahead, decoded.Samples.Length);
    }

    [Theory]
    [InlineData("Xiph")]
    [InlineData("Ebml")]
    public void Laced_blocks_decode_to_the_same_samples_as_unlaced_ones(string lacingName)
    {
        var lacing = Enum.Parse<TestWebMWriter.Lacing>(lacingName);
        var (plain, _) = EncodeSpeech(new TestWebMWriter.Options(PacketsPerCluster: 7));
        var (laced, _) = EncodeSpeech(new TestWebMWriter.Options(PacketsPerCluster: 7, Laced: lacing));

        Assert.Equal(SpeechAudio.Decode(plain, null).Samples, SpeechAudio.Decode(laced, null).Samples);
    }

    [Fact]
    public void Blocks_of_other_tracks_are_ignored_and_stereo_is_downmixed()
    {
        var tone = Signals.Tone(500, 48000, 1.0, amplitude: 0.4);
        var stereo = tone.SelectMany(s => new[] { s, 0f }).ToArray();
        using var encoder = new TestOpusEncoder(channels: 2);
        var webm = TestWebMWriter.Build(encoder.OpusHead(), encoder.Encode(stereo), new TestWebMWriter.Options(VideoTrackFirst: true));

        var decoded = SpeechAudio.Decode(webm, "video/webm");

        double level = Signals.Amplitude(Signals.Middle(decoded.Samples), 500, 16000);
        Assert.InRange(Signals.Decibels(level / 0.2), -1.0, 1.0);
    }

    [Fact]
    public void Output_gain_from_the_OpusHead_is_applied()
    {
        using var encoder = new TestOpusEncoder(channels: 1);
        var packets = encoder.Encode(Signals.Tone(300, 48000, 0.5, amplitude: 0.1));
        var plain = TestWebMWriter.Build(encoder.OpusHead(), packets, new TestWebMWriter.Options());
        var louder = TestWebMWriter.Build(encoder.OpusHead(outputGainQ8: 6 * 256), packets, new TestWebMWriter.Options());

        double gain = Signals.Rms(SpeechAudio.Decode(louder, null).Samples) / Signals.Rms(SpeechAudio.Decode(plain, null).Samples);

        Assert.InRange(Signals.Decibels(gain), 5.9, 6.1);
    }

    [Fact]
    public void A_webm_without_an_opus_track_names_the_tracks_it_has()
    {
        var (webm, _) = EncodeSpeech(new TestWebMWriter.Options(CodecId: "A_VORBIS"));

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(webm, "audio/webm"));

        Assert.Contains("no Opus audio track (tracks: A_VORBIS)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Half_a_webm_file_is_reported_as_truncated(bool unknownSizes)
    {
        var (webm, _) = EncodeSpeech(new TestWebMWriter.Options(UnknownSizes: unknownSizes));

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(webm.AsSpan(0, (webm.Length / 2) + 1), "audio/webm"));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_headers_give_clear_errors_not_crashes()
    {
        byte[] zeroId = [0x1A, 0x45, 0xDF, 0xA3, 0x80, 0x00, 0x81, 0x00];
        byte[] matroskaOther = TestWebMWriter.Element(0x1A45DFA3, TestWebMWriter.Element(0x4282, "mkvx"u8.ToArray()));

        Assert.Contains("invalid", Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(zeroId, null)).Message, StringComparison.Ordinal);
        Assert.Contains("mkvx", Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(matroskaOther, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lacing_mode_splits_a_block_into_its_frames()
    {
        byte[] xiph = [0x81, 0, 0, 0x82, 2, 255, 1, 3, .. new byte[256], .. new byte[3], 9, 9];
        byte[] fixedSize = [0x82, 0, 0, 0x84, 2, .. new byte[9]];
        byte[] ebml = [0x81, 0, 0, 0x86, 2, 0x85, 0x5F, 0xFF - 2, .. new byte[5 + 3 + 4]];
        var frames = new List<Range>();

        Assert.Equal(1UL, MatroskaBlock.Read(xiph, 100, frames));
        Assert.Equal([256, 3, 2], frames.Select(f => f.GetOffsetAndLength(int.MaxValue).Length));
        Assert.Equal(100 + 8, frames[0].Start.Value);

        frames.Clear();
        Assert.Equal(2UL, MatroskaBlock.Read(fixedSize, 0, frames));
        Assert.Equal([3, 3, 3], frames.Select(f => f.GetOffsetAndLength(int.MaxValue).Length));

        frames.Clear();
        MatroskaBlock.Read(ebml, 0, frames);
        Assert.Equal([5, 3, 4], frames.Select(f => f.GetOffsetAndLength(int.MaxValue).Length));

        Assert.Throws<AudioFormatException>(() => MatroskaBlock.Read(xiph.AsSpan(0, 20), 0, frames));
    }

    private (byte[] Webm, TestOpusEncoder Encoder) EncodeSpeech(TestWebMWriter.Options options)
    {
        var speech48k = Resampler.Resample(TestSpeech.Clip(Sentence), 48000);
        var encoder = new TestOpusEncoder(channels: 1);
        var webm = TestWebMWriter.Build(encoder.OpusHead(), encoder.Encode(speech48k.Samples), options);
        encoder.Dispose();
        output.WriteLine($"WebM: {webm.Length} bytes, pre-skip {encoder.Lookahead}");
        return (webm, encoder);
    }
}
