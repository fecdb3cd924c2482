namespace RealtyHub.Voice.Tests.Audio;

/// <summary>Test signals and measurements: tones, seeded noise, Goertzel level, RMS, zero crossings.</summary>
internal static class Signals
{
    public static float[] Tone(double frequency, int sampleRate, double seconds, double amplitude = 0.5)
    {
        var samples = new float[(int)(sampleRate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>Gaussian noise (Box–Muller) with a fixed seed.</summary>
    public static float[] Noise(int length, double rms, int seed)
    {
        var random = new Random(seed);
        var samples = new float[length];
        for (int i = 0; i < length; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            samples[i] = (float)(rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return samples;
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component (Goertzel, Hann-windowed to limit leakage).</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0, windowSum = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (samples.Length - 1)));
            windowSum += window;
            double current = (samples[i] * window) + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / windowSum;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float sample in samples)
        {
            sum += sample * (double)sample;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Frequency from the count of upward zero crossings between the first and the last one.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> samples, int sampleRate)
    {
        double first = -1, last = -1;
        int crossings = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                double exact = i - 1 + (samples[i - 1] / (samples[i - 1] - samples[i]));
                first = first < 0 ? exact : first;
                last = exact;
                crossings++;
            }
        }

        return (crossings - 1) * sampleRate / (last - first);
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>The middle of a signal, dropping <paramref name="fraction"/> at each end (filter edges).</summary>
    public static ReadOnlySpan<float> Middle(float[] samples, double fraction = 0.1)
    {
        int skip = (int)(samples.Length * fraction);
        return samples.AsSpan(skip, samples.Length - (2 * skip));
    }
}
