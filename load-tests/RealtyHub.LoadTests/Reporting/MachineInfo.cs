using System.Runtime.InteropServices;

namespace RealtyHub.LoadTests.Reporting;

/// <summary>The machine the figures were measured on.</summary>
public sealed record MachineInfo(int Cores, double RamGb, string Os, string DotNet, string CpuModel)
{
    public static MachineInfo Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadFirst("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var ram = double.TryParse(memKb, System.Globalization.CultureInfo.InvariantCulture, out var kb) ? kb / 1024 / 1024 : 0;
        return new MachineInfo(System.Environment.ProcessorCount, Math.Round(ram, 1), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, cpu);
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
