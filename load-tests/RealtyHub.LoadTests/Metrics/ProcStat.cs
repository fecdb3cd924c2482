using System.Globalization;

namespace RealtyHub.LoadTests.Metrics;

/// <summary>Reads a Linux process's RSS (<c>/proc/pid/status</c> VmRSS) and CPU time (<c>/proc/pid/stat</c> utime+stime).</summary>
public static class ProcStat
{
    // USER_HZ is 100 on every Linux we run on (sysconf(_SC_CLK_TCK)).
    private const double ClockTicksPerSecond = 100.0;

    public static double? RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
