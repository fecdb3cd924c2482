using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class SpeechAudioTests
{
    [Fact]
    public void Telephone_wav_is_resampled_to_16k_mono()
    {
        var wav = WavFile.Write(new AudioClip(Signals.Tone(1000, 8000, 0.5), 8000));

        var clip = SpeechAudio.Decode(wav, "audio/wav");

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(8000, clip.Samples.Length);
        Assert.InRange(Signals.Amplitude(Signals.Middle(clip.Samples), 1000, 16000), 0.49, 0.51);
    }

    [Fact]
    public void The_bytes_decide_the_format_not_the_declared_content_type()
    {
        var wav = WavFile.Write(new AudioClip(new float[1600], 16000));

        var clip = SpeechAudio.Decode(wav, "audio/ogg; codecs=opus");

        Assert.Equal(TimeSpan.FromMilliseconds(100), clip.Duration);
    }

    [Theory]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0 }, "audio/mpeg", "MP3 (audio/mpeg)")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64, 0, 0 }, null, "MP3 (audio/mpeg)")]
    [InlineData(new byte[] { 0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A, 0x3C }, "audio/amr", "AMR (audio/amr)")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4D, 0x34, 0x41 }, "audio/mp4", "MP4/M4A (audio/mp4)")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "audio/x-custom", "audio/x-custom")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, null, "an unrecognised format")]
    public void Unsupported_formats_are_named_and_the_supported_ones_suggested(byte[] data, string? contentType, string expectedName)
    {
        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(data, contentType));

        Assert.Equal($"Voice notes in {expectedName} are not supported; send Ogg/Opus, WebM/Opus or WAV.", ex.Message);
    }

    [Fact]
    public void Empty_input_and_random_bytes_with_an_audio_magic_give_clear_errors()
    {
        var random = new Random(42);
        var notReallyOgg = new byte[10];
        random.NextBytes(notReallyOgg);
        "OggS"u8.CopyTo(notReallyOgg);
        var notReallyWebM = new byte[10];
        random.NextBytes(notReallyWebM);
        new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }.CopyTo(notReallyWebM, 0);

        Assert.Contains("empty", Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode([], "audio/ogg")).Message, StringComparison.Ordinal);
        Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(notReallyOgg, "audio/ogg"));
        Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(notReallyWebM, "audio/webm"));
    }

    [Fact]
    public void Random_garbage_after_every_magic_never_crashes_with_anything_but_AudioFormatException()
    {
        var random = new Random(2024);
        byte[][] magics = [[.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8], [.. "OggS"u8], [0x1A, 0x45, 0xDF, 0xA3]];
        for (int attempt = 0; attempt < 300; attempt++)
        {
            var data = new byte[random.Next(1, 400)];
            random.NextBytes(data);
            var magic = magics[attempt % magics.Length];
            magic.AsSpan(0, Math.Min(magic.Length, data.Length)).CopyTo(data);

            var error = Record.Exception(() => SpeechAudio.Decode(data, null));

            Assert.True(error is null or AudioFormatException, $"attempt {attempt}: {error}");
        }
    }

    [Fact]
    public void Audio_longer_than_the_cap_is_refused_with_the_limit_in_the_message()
    {
        var wav = WavFile.Write(AudioClip.Silence(TimeSpan.FromSeconds(3), 8000));

        var ex = Assert.Throws<AudioFormatException>(() => SpeechAudio.Decode(wav, "audio/wav", TimeSpan.FromSeconds(2)));

        Assert.Equal("The audio lasts 0:03; the limit is 0:02. Send a shorter recording.", ex.Message);
        Assert.Equal(TimeSpan.FromMinutes(10), SpeechAudio.DefaultMaxDuration);
    }

    [Fact]
    public void A_missing_native_library_error_names_the_apt_package()
    {
        var ex = NativeOpus.MissingLibrary(NativeOpus.OpusFileLibrary, NativeOpus.OpusFilePackage, new DllNotFoundException());

        Assert.Contains("apt-get install libopusfile0", ex.Message, StringComparison.Ordinal);
        Assert.True(NativeOpus.IsMissingLibrary(new DllNotFoundException()));
    }
}
