namespace RealtyHub.Voice.Tests.Audio;

/// <summary>How alike two signals are: the best normalised cross-correlation over a range of lags.</summary>
internal static class Similarity
{
    public static (double Correlation, int Lag) BestCorrelation(ReadOnlySpan<float> reference, ReadOnlySpan<float> candidate, int maxLag)
    {
        double best = double.NegativeInfinity;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double cross = 0, referenceEnergy = 0, candidateEnergy = 0;
            int start = Math.Max(0, -lag);
            int end = Math.Min(reference.Length, candidate.Length - lag);
            for (int i = start; i < end; i++)
            {
                double a = reference[i], b = candidate[i + lag];
                cross += a * b;
                referenceEnergy += a * a;
                candidateEnergy += b * b;
            }

            double correlation = cross / Math.Sqrt((referenceEnergy * candidateEnergy) + 1e-30);
            if (correlation > best)
            {
                (best, bestLag) = (correlation, lag);
            }
        }

        return (best, bestLag);
    }
}
