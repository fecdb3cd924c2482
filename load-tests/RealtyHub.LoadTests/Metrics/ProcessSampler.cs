using System.Diagnostics;

namespace RealtyHub.LoadTests.Metrics;

/// <summary>Samples the hub processes' RSS every half second while a scenario runs; CPU time is a start/end difference.</summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly IReadOnlyList<(string Name, int Pid)> _processes;
    private readonly Dictionary<int, double> _cpuAtStart = [];
    private readonly Dictionary<int, double> _peakRss = [];
    private readonly Dictionary<int, double> _lastRss = [];
    private readonly Dictionary<int, double> _lastCpu = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly Task _loop;

    public ProcessSampler(IReadOnlyList<(string Name, int Pid)> processes)
    {
        _processes = processes;
        foreach (var (_, pid) in processes)
        {
            _cpuAtStart[pid] = _lastCpu[pid] = ProcStat.CpuSeconds(pid) ?? 0;
        }

        _loop = SampleLoopAsync();
    }

    public IReadOnlyList<ProcessUsage> Snapshot()
    {
        lock (_gate)
        {
            Sample();
            return [.. _processes.Select(p => new ProcessUsage(p.Name, p.Pid, _peakRss.GetValueOrDefault(p.Pid), _lastRss.GetValueOrDefault(p.Pid),
                Math.Max(0, _lastCpu[p.Pid] - _cpuAtStart[p.Pid]), _wall.Elapsed.TotalSeconds))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (_gate)
                {
                    Sample();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        foreach (var (_, pid) in _processes)
        {
            if (ProcStat.RssMb(pid) is { } rss)
            {
                _lastRss[pid] = rss;
                _peakRss[pid] = Math.Max(rss, _peakRss.GetValueOrDefault(pid));
            }

            // A killed process keeps the CPU time last seen alive.
            if (ProcStat.CpuSeconds(pid) is { } cpu)
            {
                _lastCpu[pid] = cpu;
            }
        }
    }
}
