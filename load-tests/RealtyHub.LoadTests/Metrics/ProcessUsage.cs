namespace RealtyHub.LoadTests.Metrics;

/// <summary>One hub process's resident memory (peak seen and last) and CPU time spent during a scenario.</summary>
public sealed record ProcessUsage(string Name, int Pid, double PeakRssMb, double LastRssMb, double CpuSeconds, double WallSeconds)
{
    /// <summary>Average cores busy: CPU seconds over wall seconds.</summary>
    public double AverageCores => WallSeconds > 0 ? CpuSeconds / WallSeconds : 0;
}
