namespace RealtyHub.Voice.Audio;

/// <summary>The Kaiser window, w(x) = I0(β·√(1 − x²)) / I0(β) for x in [-1, 1], and the zeroth-order Bessel function.</summary>
/// <remarks>Kaiser &amp; Schafer, "On the use of the I0-sinh window for spectrum analysis" (1980); β ≈ 0.1102·(A − 8.7) gives A dB of stopband.</remarks>
internal static class KaiserWindow
{
    public static double BetaForAttenuation(double stopbandDb) => 0.1102 * (stopbandDb - 8.7);

    public static double Value(double x, double beta)
    {
        if (Math.Abs(x) >= 1)
        {
            return 0;
        }

        return BesselI0(beta * Math.Sqrt(1 - (x * x))) / BesselI0(beta);
    }

    /// <summary>I0 by its power series Σ ((x/2)^k / k!)², which converges fast for the β values we use (&lt; 15).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 64; k++)
        {
            term *= halfX / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
