using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace RealtyHub.Hosting.Database;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, on loopback, in a folder of ours: the
/// zero-setup default for a newcomer's machine and the throwaway server of the tests.
/// </summary>
/// <remarks>
/// <c>initdb</c> and <c>postgres</c> refuse to run as root, so as root the folder is handed to the
/// <c>postgres</c> OS user (created by the Debian package) and the tools run through <c>runuser</c>.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _binDirectory;
    private readonly bool _asRoot;
    private bool _startedByUs;

    public EmbeddedPostgres(string dataDirectory, int port, string database, string? binDirectory = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Port = port;
        Database = database;
        _binDirectory = (binDirectory ?? FindBinDirectory()) is { } found && File.Exists(Path.Combine(found, "initdb"))
            ? found
            : throw new PostgresNotInstalledException();
        _asRoot = OperatingSystem.IsLinux() && geteuid() == 0;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>True when the server was already running at start, so this process will not stop it.</summary>
    public bool AdoptedRunningServer { get; private set; }

    public string Database { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = Database,
        // Trust authentication on loopback only: this server is for one developer's machine or a test run.
    }.ConnectionString;

    /// <summary>Creates the data folder on first use, then starts the server unless it is already running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(cancellationToken);
        }

        if (await RunAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken, throwOnError: false) == 0)
        {
            // Already running (another local host of this cluster started it, or one that crashed left it):
            // use it, and leave stopping it to whoever started it.
            AdoptedRunningServer = true;
            return;
        }

        if (IsPortTaken(Port))
        {
            throw new InvalidOperationException(
                $"Port {Port} on 127.0.0.1 is already in use, so the private PostgreSQL cannot start. " +
                $"Set RealtyHub__Postgres__Port to a free port or ConnectionStrings__RealtyHub to an existing server.");
        }

        var log = Path.Combine(DataDirectory, "server.log");
        await RunAsync(
            "pg_ctl",
            ["-D", DataDirectory, "-l", log, "-w", "-t", "60", "-o",
             $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300", "start"],
            cancellationToken);
        _startedByUs = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_startedByUs)
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken, throwOnError: false);
            _startedByUs = false;

            // Pooled connections to the stopped server are dead; drop them so a server started again in this
            // process (a host restart in tests or tools) is not handed a terminated connection.
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_asRoot)
        {
            await RunProcessAsync("chown", ["-R", "postgres:postgres", DataDirectory], cancellationToken);
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"], cancellationToken);
    }

    private Task<int> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asRoot
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellationToken, throwOnError)
            : RunProcessAsync(executable, arguments, cancellationToken, throwOnError);
    }

    private static async Task<int> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }

        return process.ExitCode;
    }

    private static bool IsPortTaken(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> (Debian layout), else <c>initdb</c> on the PATH.</summary>
    internal static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint geteuid();
}
