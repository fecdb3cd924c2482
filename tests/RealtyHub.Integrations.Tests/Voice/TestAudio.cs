using System.Buffers.Binary;
using System.Text;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>Test signals: sine tones as 16-bit PCM WAV files, and a frequency estimate to check them after a round trip.</summary>
internal static class TestAudio
{
    public static float[] Tone(double frequency, TimeSpan duration, int sampleRate, double amplitude = 0.5)
    {
        var samples = new float[(int)Math.Round(duration.TotalSeconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>A 16-bit PCM WAV file with <paramref name="channels"/> identical channels.</summary>
    public static byte[] Wav(float[] samples, int sampleRate, int channels)
    {
        var dataBytes = samples.Length * channels * 2;
        var wav = new byte[44 + dataBytes];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav, 0);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav, 8);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(wav, 36);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataBytes);
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Clamp(Math.Round(samples[i] * 32767), short.MinValue, short.MaxValue);
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (((i * channels) + c) * 2)), value);
            }
        }

        return wav;
    }

    /// <summary>
    /// The frequency of a steady tone from its rising zero crossings (interpolated between samples), over the middle
    /// 80 % so filter edges at the start and end do not count.
    /// </summary>
    public static double EstimateFrequency(ReadOnlySpan<float> samples, int sampleRate)
    {
        double first = -1, last = -1;
        var crossings = 0;
        for (var i = samples.Length / 10; i < (samples.Length * 9 / 10) - 1; i++)
        {
            if (samples[i] < 0 && samples[i + 1] >= 0)
            {
                var at = i + (-samples[i] / (samples[i + 1] - samples[i]));
                first = first < 0 ? at : first;
                last = at;
                crossings++;
            }
        }

        return crossings < 2 ? 0 : (crossings - 1) * (double)sampleRate / (last - first);
    }
}
