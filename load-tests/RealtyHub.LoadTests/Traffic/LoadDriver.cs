using System.Diagnostics;

namespace RealtyHub.LoadTests.Traffic;

/// <summary>
/// Drives an operation either open-loop at a fixed rate (each operation's latency counted from its intended start,
/// so a stalled server is not hidden by a waiting client) or closed-loop with N concurrent workers back to back
/// (the "max" mode: the highest rate the server sustains).
/// </summary>
public static class LoadDriver
{
    /// <summary>Open loop: operation i is due at start + i/rate; at most <paramref name="maxInFlight"/> outstanding.</summary>
    public static async Task RunAtRateAsync(double rate, TimeSpan duration, Func<long, Task> operation, Action<double>? progress, CancellationToken cancellationToken, int maxInFlight = 4096)
    {
        using var inFlight = new SemaphoreSlim(maxInFlight);
        var running = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(rate * duration.TotalSeconds);
        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            var intended = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            running.Add(RunOneAsync(operation, intended, inFlight));
            progress?.Invoke((double)(i + 1) / total);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Closed loop: <paramref name="workers"/> loops, each starting its next operation when the last ends.</summary>
    public static async Task RunFlatOutAsync(int workers, TimeSpan duration, Func<long, Task> operation, Action<double>? progress, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetElapsedTime(start) < duration)
            {
                await operation(Stopwatch.GetTimestamp()).ConfigureAwait(false);
                progress?.Invoke(Math.Min(1, Stopwatch.GetElapsedTime(start) / duration));
            }
        })).ConfigureAwait(false);
    }

    private static async Task RunOneAsync(Func<long, Task> operation, long intendedStart, SemaphoreSlim inFlight)
    {
        try
        {
            await operation(intendedStart).ConfigureAwait(false);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
