using RealtyHub.Voice.Audio;
using Xunit.Abstractions;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class ResamplerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(8000, 16000, 1000)]
    [InlineData(8000, 16000, 3000)]
    [InlineData(48000, 16000, 440)]
    [InlineData(48000, 16000, 6000)]
    [InlineData(44100, 16000, 2500)]
    [InlineData(22050, 16000, 1234)]
    [InlineData(24000, 16000, 5000)]
    [InlineData(16000, 48000, 7000)]
    public void A_tone_keeps_its_frequency_and_level_within_half_a_dB(int fromRate, int toRate, double frequency)
    {
        var input = Signals.Tone(frequency, fromRate, 1.0);

        var resampled = Resampler.Resample(input, fromRate, toRate);

        double inputLevel = Signals.Amplitude(Signals.Middle(input), frequency, fromRate);
        double outputLevel = Signals.Amplitude(Signals.Middle(resampled), frequency, toRate);
        double gainDb = Signals.Decibels(outputLevel / inputLevel);
        double measured = Signals.ZeroCrossingFrequency(Signals.Middle(resampled), toRate);
        output.WriteLine($"{fromRate}->{toRate} {frequency} Hz: gain {gainDb:F3} dB, frequency {measured:F2} Hz");
        Assert.InRange(gainDb, -0.5, 0.5);
        Assert.InRange(measured, frequency - 0.5, frequency + 0.5);
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(12000)]
    [InlineData(8600)]
    [InlineData(20000)]
    public void A_48k_tone_above_the_8k_Nyquist_of_16k_is_attenuated_by_at_least_40_dB(double frequency)
    {
        var input = Signals.Tone(frequency, 48000, 1.0);

        var resampled = Resampler.Resample(input, 48000, 16000);

        double attenuationDb = -Signals.Decibels(Signals.Rms(Signals.Middle(resampled)) / Signals.Rms(Signals.Middle(input)));
        output.WriteLine($"{frequency} Hz at 48k -> 16k: attenuated {attenuationDb:F1} dB");
        Assert.True(attenuationDb >= 40, $"only {attenuationDb:F1} dB of attenuation at {frequency} Hz");
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(22050, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(44100, 48000)]
    public void Streaming_in_20_ms_frames_gives_exactly_the_one_shot_output(int fromRate, int toRate)
    {
        var input = Signals.Noise(fromRate * 3 / 2 + 7, 0.2, seed: fromRate);
        var oneShot = Resampler.Resample(input, fromRate, toRate);

        var streaming = new StreamingResampler(fromRate, toRate);
        var chunked = new List<float>();
        int frame = fromRate / 50;
        for (int offset = 0; offset < input.Length; offset += frame)
        {
            streaming.Process(input.AsSpan(offset, Math.Min(frame, input.Length - offset)), chunked);
        }

        chunked.AddRange(streaming.Flush());
        Assert.Equal(oneShot, chunked);
    }

    [Fact]
    public void Streaming_with_random_chunk_sizes_including_empty_ones_gives_the_one_shot_output()
    {
        var input = Signals.Noise(24000, 0.3, seed: 5);
        var oneShot = Resampler.Resample(input, 48000, 16000);
        var random = new Random(99);

        var streaming = new StreamingResampler(48000, 16000);
        var chunked = new List<float>();
        for (int offset = 0; offset < input.Length;)
        {
            int size = Math.Min(random.Next(0, 700), input.Length - offset);
            chunked.AddRange(streaming.Process(input.AsSpan(offset, size)));
            offset += size;
        }

        chunked.AddRange(streaming.Flush());
        Assert.Equal(oneShot, chunked);
    }

    [Theory]
    [InlineData(48000, 16000, 4800, 1600)]
    [InlineData(8000, 16000, 800, 1600)]
    [InlineData(44100, 16000, 4410, 1600)]
    public void An_impulse_comes_out_at_the_same_time_with_no_delay(int fromRate, int toRate, int inputIndex, int expectedIndex)
    {
        var input = new float[fromRate / 5];
        input[inputIndex] = 1;

        var resampled = Resampler.Resample(input, fromRate, toRate);

        int peak = Array.IndexOf(resampled, resampled.Max());
        Assert.Equal(expectedIndex, peak);
        Assert.Equal((int)Math.Ceiling(input.Length * (double)toRate / fromRate), resampled.Length);
    }

    [Fact]
    public void Equal_rates_copy_the_input()
    {
        var input = Signals.Noise(1000, 0.5, seed: 3);

        var copy = Resampler.Resample(input, 16000, 16000);

        Assert.Equal(input, copy);
        Assert.NotSame(input, copy);
    }

    [Fact]
    public void Process_after_flush_and_bad_rates_are_refused_clearly()
    {
        var resampler = new StreamingResampler(8000, 16000);
        resampler.Flush();

        Assert.Contains("flushed", Assert.Throws<InvalidOperationException>(() => resampler.Process(new float[10])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingResampler(0, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[10], 16000, -1));
        Assert.Empty(Resampler.Resample([], 48000, 16000));
    }
}
