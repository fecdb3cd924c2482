using System.Diagnostics;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>Runs command-line tools the audio tests need (CI installs them with apt); a missing tool fails the test
/// with the package to install rather than skipping it.</summary>
internal static class ExternalTool
{
    public static void Run(string tool, string aptPackage, params string[] arguments)
    {
        string path = Find(tool) ?? throw new InvalidOperationException(
            $"'{tool}' is not on PATH: install the apt package {aptPackage} (apt-get install -y {aptPackage}).");

        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{tool}' did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{tool} {string.Join(' ', arguments)}' failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }

    private static string? Find(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, tool))
        .FirstOrDefault(File.Exists);
}
