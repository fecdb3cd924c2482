namespace RealtyHub.LoadTests.Metrics;

/// <summary>
/// Seeded Zipf-like choice of 0..n-1: key k is picked with weight 1/(k+1)^s, so a few keys (brokerages, clients) are
/// hot and the long tail is cold, as real traffic is. Not thread-safe: one per sender.
/// </summary>
public sealed class ZipfKeys
{
    private readonly double[] _cumulative;
    private readonly Random _random;

    public ZipfKeys(int count, int seed, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _random = new Random(seed);
        _cumulative = new double[count];
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = total;
        }

        for (var k = 0; k < count; k++)
        {
            _cumulative[k] /= total;
        }
    }

    public int Next()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
