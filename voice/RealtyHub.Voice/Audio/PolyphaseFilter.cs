using System.Numerics;

namespace RealtyHub.Voice.Audio;

/// <summary>
/// Kaiser-windowed sinc low-pass, split into one coefficient set per output phase, for resampling by
/// <see cref="Interpolation"/>/<see cref="Decimation"/> (the rate ratio in lowest terms).
/// </summary>
/// <remarks>
/// Output sample n sits at input time t = n·M/L. With i = ⌊t⌋ and phase p = (n·M) mod L, it is
/// Σ x[i − K + 1 + j]·h(p/L + K − 1 − j) over j in [0, 2K), where h(τ) = fc·sinc(fc·τ)·kaiser(τ / (Z / fc)).
/// fc = min(1, L/M)·Rolloff puts the cut-off just below the lower Nyquist frequency, so downsampling does not alias
/// and upsampling does not image. Each phase is normalised to unit DC gain.
/// </remarks>
internal sealed class PolyphaseFilter
{
    /// <summary>Fraction of the lower Nyquist frequency where the response is -6 dB.</summary>
    public const double Rolloff = 0.94;

    /// <summary>Zero crossings of the sinc on each side: longer means a sharper transition band.</summary>
    public const int ZeroCrossings = 24;

    /// <summary>Design stopband attenuation of the Kaiser window, in dB.</summary>
    public const double StopbandDb = 90;

    // Above this many phases the table would cost megabytes; compute each phase when it is needed instead.
    private const int MaxCachedPhases = 4096;

    private readonly double _cutoff;
    private readonly double _beta;
    private readonly float[][]? _phases;

    public PolyphaseFilter(int fromRate, int toRate)
    {
        int divisor = (int)BigInteger.GreatestCommonDivisor(fromRate, toRate);
        Interpolation = toRate / divisor;
        Decimation = fromRate / divisor;
        _cutoff = Math.Min(1.0, (double)Interpolation / Decimation) * Rolloff;
        _beta = KaiserWindow.BetaForAttenuation(StopbandDb);
        HalfTaps = (int)Math.Ceiling(ZeroCrossings / _cutoff);

        if (Interpolation <= MaxCachedPhases)
        {
            _phases = new float[Interpolation][];
            for (int phase = 0; phase < Interpolation; phase++)
            {
                _phases[phase] = new float[2 * HalfTaps];
                Fill(phase, _phases[phase]);
            }
        }
    }

    /// <summary>L: output samples per <see cref="Decimation"/> input samples.</summary>
    public int Interpolation { get; }

    /// <summary>M: input samples per <see cref="Interpolation"/> output samples.</summary>
    public int Decimation { get; }

    /// <summary>K: each output reads K input samples at or before its time and K after.</summary>
    public int HalfTaps { get; }

    /// <summary>The 2K coefficients of a phase; <paramref name="scratch"/> is used when phases are not cached.</summary>
    public ReadOnlySpan<float> Phase(int phase, float[] scratch)
    {
        if (_phases is not null)
        {
            return _phases[phase];
        }

        Fill(phase, scratch);
        return scratch;
    }

    private void Fill(int phase, Span<float> coefficients)
    {
        double fraction = (double)phase / Interpolation;
        double halfWidth = ZeroCrossings / _cutoff;
        double sum = 0;
        var exact = new double[coefficients.Length];
        for (int j = 0; j < coefficients.Length; j++)
        {
            double tau = fraction + HalfTaps - 1 - j;
            exact[j] = _cutoff * Sinc(_cutoff * tau) * KaiserWindow.Value(tau / halfWidth, _beta);
            sum += exact[j];
        }

        for (int j = 0; j < coefficients.Length; j++)
        {
            coefficients[j] = (float)(exact[j] / sum);
        }
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
