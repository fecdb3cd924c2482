using System.Diagnostics;

namespace RealtyHub.LoadTests.Environment;

/// <summary>
/// One hub host (<c>dotnet RealtyHub.Web.dll</c> or <c>RealtyHub.Silo.dll</c>) run as a child process with its settings in
/// the environment, its output in a log file. Killed with its process tree when disposed.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;

    private HubProcess(string name, Uri baseAddress, Process process, StreamWriter log)
    {
        Name = name;
        BaseAddress = baseAddress;
        _process = process;
        _log = log;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HubProcess Start(string name, string dll, Uri baseAddress, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({dll}).");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        return new HubProcess(name, baseAddress, process, log);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, failing early if the process exits.</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready at {BaseAddress}health/ready within {timeout.TotalSeconds:0} s; see its log.");
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster gracefully (the failover drill).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                await _pumps.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Leave it; the OS reaps it.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }
}
