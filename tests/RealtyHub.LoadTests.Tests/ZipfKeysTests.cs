using RealtyHub.LoadTests.Metrics;

namespace RealtyHub.LoadTests.Tests;

public sealed class ZipfKeysTests
{
    [Fact]
    public void The_same_seed_gives_the_same_keys_and_the_first_key_is_the_hottest()
    {
        var a = new ZipfKeys(100, seed: 3);
        var b = new ZipfKeys(100, seed: 3);
        var keys = Enumerable.Range(0, 10_000).Select(_ => a.Next()).ToArray();

        Assert.Equal(keys, Enumerable.Range(0, 10_000).Select(_ => b.Next()));
        Assert.All(keys, k => Assert.InRange(k, 0, 99));
        var counts = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        // Weight 1/(k+1): key 0 takes ~19% of 100 keys, about ten times key 9.
        Assert.InRange(counts[0], 1_600, 2_300);
        Assert.True(counts[0] > 5 * counts.GetValueOrDefault(9));
    }
}
