using System.Buffers.Binary;
using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class WavFileTests
{
    [Fact]
    public void Sixteen_bit_stereo_is_downmixed_by_averaging_the_channels()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt16LittleEndian(data, 16384);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2), 0);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(4), -32768);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(6), -16384);
        var wav = new TestWavBuilder().Format(1, 2, 22050, 16).Chunk("data", data).Build();

        var clip = WavFile.Read(wav);

        Assert.Equal(22050, clip.SampleRate);
        Assert.Equal([0.25f, -0.75f], clip.Samples);
    }

    [Fact]
    public void Eight_bit_pcm_is_read_as_unsigned_offset_binary()
    {
        var wav = new TestWavBuilder().Format(1, 1, 8000, 8).Chunk("data", [128, 255, 0]).Build();

        Assert.Equal([0f, 127 / 128f, -1f], WavFile.Read(wav).Samples);
    }

    [Fact]
    public void Twenty_four_bit_pcm_keeps_its_sign_and_scale()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0, 0xFF, 0xFF, 0x7F];
        var wav = new TestWavBuilder().Format(1, 1, 48000, 24).Chunk("data", data).Build();

        Assert.Equal([0.5f, -0.5f, 8388607 / 8388608f], WavFile.Read(wav).Samples);
    }

    [Fact]
    public void Thirty_two_bit_pcm_and_float_inside_extensible_are_read()
    {
        var pcm = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(pcm, int.MinValue / 4);
        var floats = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(floats, 0.125f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4), 3f);

        var pcmClip = WavFile.Read(new TestWavBuilder().Format(1, 1, 16000, 32, extensible: true).Chunk("data", pcm).Build());
        var floatClip = WavFile.Read(new TestWavBuilder().Format(3, 1, 16000, 32, extensible: true).Chunk("data", floats).Build());

        Assert.Equal([-0.25f], pcmClip.Samples);
        Assert.Equal([0.125f, 1f], floatClip.Samples);
    }

    [Fact]
    public void Mu_law_wav_decodes_through_the_G711_table()
    {
        var wav = new TestWavBuilder().Format(7, 1, 8000, 8).Chunk("data", [0x80, 0x00, 0xFF]).Build();

        Assert.Equal([32124 / 32768f, -32124 / 32768f, 0f], WavFile.Read(wav).Samples);
    }

    [Fact]
    public void Unknown_chunks_and_odd_chunk_padding_are_skipped()
    {
        var data = new byte[2];
        BinaryPrimitives.WriteInt16LittleEndian(data, 8192);
        var wav = new TestWavBuilder()
            .Chunk("LIST", "INFOISFT\u0003\0\0\0ab\0"u8)
            .Format(1, 1, 16000, 16)
            .Chunk("junk", [1, 2, 3])
            .Chunk("data", data)
            .Build();

        Assert.Equal([0.25f], WavFile.Read(wav).Samples);
    }

    [Fact]
    public void Written_wav_reads_back_with_16_bit_precision()
    {
        var random = new Random(1234);
        var samples = Enumerable.Range(0, 1000).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        var clip = WavFile.Read(WavFile.Write(new AudioClip(samples, 16000)));

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(samples.Length, clip.Samples.Length);
        Assert.All(samples.Zip(clip.Samples), pair => Assert.InRange(pair.Second - pair.First, -1f / 32768, 1f / 32768));
        Assert.Equal(TimeSpan.FromMilliseconds(62.5), clip.Duration);
    }

    [Theory]
    [InlineData(0, "RIFF/WAVE")]
    [InlineData(11, "RIFF/WAVE")]
    [InlineData(30, "truncated")]
    [InlineData(50, "truncated")]
    public void Truncated_wav_gives_a_clear_error(int keepBytes, string expectedWords)
    {
        var wav = WavFile.Write(new AudioClip(new float[100], 8000));

        var ex = Assert.Throws<AudioFormatException>(() => WavFile.Read(wav.AsSpan(0, keepBytes)));
        Assert.Contains(expectedWords, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_and_unsupported_formats_give_clear_errors()
    {
        var random = new Random(7);
        var garbage = new byte[200];
        random.NextBytes(garbage);
        var mp3InWav = new TestWavBuilder().Format(0x55, 1, 16000, 16).Chunk("data", new byte[4]).Build();
        var noFormat = new TestWavBuilder().Chunk("data", new byte[4]).Build();

        Assert.Contains("RIFF", Assert.Throws<AudioFormatException>(() => WavFile.Read(garbage)).Message, StringComparison.Ordinal);
        Assert.Contains("0x0055", Assert.Throws<AudioFormatException>(() => WavFile.Read(mp3InWav)).Message, StringComparison.Ordinal);
        Assert.Contains("fmt", Assert.Throws<AudioFormatException>(() => WavFile.Read(noFormat)).Message, StringComparison.Ordinal);
    }
}
