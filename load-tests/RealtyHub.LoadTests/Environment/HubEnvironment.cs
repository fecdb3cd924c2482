using System.Net;
using Npgsql;
using RealtyHub.Hosting.Database;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.LoadTests.Environment;

/// <summary>
/// A throwaway deployment: a private PostgreSQL in a temporary folder, then the hub hosts as separate processes on
/// free ports. The first web node runs the demo (platform admin, Twilio emulator) with demo traffic off; the other
/// hosts point their Twilio client at its emulator. Everything is stopped and the folder removed on dispose.
/// </summary>
public sealed class HubEnvironment : IAsyncDisposable
{
    public const string ServiceId = "realtyhub-load";
    public const string DemoAccountSid = "AC00000000000000000000000000000001";
    public const string DemoAuthToken = "demo-auth-token-not-a-secret";
    public const string AdminEmail = "admin@marina.demo";
    public const string Password = "Load-Test-Password-2026";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly List<HubProcess> _webs = [];
    private readonly List<HubProcess> _silos = [];
    private readonly HashSet<int> _portsHandedOut = [];
    private readonly string _folder;
    private readonly EmbeddedPostgres _postgres;
    private string? _voiceModel;
    private bool _keepFolder;

    private HubEnvironment(string folder, EmbeddedPostgres postgres)
    {
        _folder = folder;
        _postgres = postgres;
    }

    public string ConnectionString => _postgres.ConnectionString;

    public string ServerConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = database }.ConnectionString;

    public IReadOnlyList<HubProcess> Webs => _webs;

    public IReadOnlyList<HubProcess> Silos => _silos;

    public IEnumerable<HubProcess> All => _webs.Concat(_silos);

    public string LogFolder => Path.Combine(_folder, "logs");

    /// <summary>Token cap per segment of the hubs' placeholder model (and of the real-time-factor probe).</summary>
    public const int LiveMaxTokens = 32;

    /// <summary>The hosts' transcription settings when they run with a placeholder model (see <see cref="HubTopology"/>).</summary>
    public static IReadOnlyDictionary<string, string> VoiceSettings(string modelPath) => new Dictionary<string, string>
    {
        ["RealtyHub__Voice__ModelPath"] = modelPath,

        // Untrained weights never emit an end token: without a cap each segment decodes to whisper's own limit, and
        // the temperature fallback would decode it again several times. Real models stop far earlier.
        ["RealtyHub__Voice__MaxTokensPerSegment"] = LiveMaxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RealtyHub__Voice__TemperatureFallback"] = "false",
    };

    public static async Task<HubEnvironment> StartAsync(HubTopology topology, Action<string> status, CancellationToken cancellationToken)
    {
        var build = HubBuildOutput.Locate();
        var folder = Path.Combine(Path.GetTempPath(), $"realtyhub-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        EmbeddedPostgres postgres;
        try
        {
            postgres = new EmbeddedPostgres(Path.Combine(folder, "pg"), FreePorts.Next(), "realtyhub");
        }
        catch (PostgresNotInstalledException)
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var environment = new HubEnvironment(folder, postgres);
        try
        {
            status("starting PostgreSQL");
            using (var pgTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                pgTimeout.CancelAfter(TimeSpan.FromSeconds(90));
                await postgres.StartAsync(pgTimeout.Token);
            }

            if (topology.PlaceholderVoiceModel)
            {
                // In the run's temp folder, so it is removed with everything else.
                status("writing a placeholder Whisper model (tiny)");
                environment._voiceModel = Path.Combine(folder, "models", "ggml-tiny-placeholder.bin");
                await Task.Run(() => PlaceholderWhisperModel.Write(environment._voiceModel, WhisperModelShape.Tiny), cancellationToken);
            }

            await environment.StartHostsAsync(build, topology, status, cancellationToken);
            return environment;
        }
        catch
        {
            environment._keepFolder = true;
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client for load: many pooled connections, no proxy, no cookies.</summary>
    public static HttpClient CreateLoadClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse([.. All]))
        {
            await process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        if (!_keepFolder)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is the OS's to clean.
            }
        }
        else
        {
            Console.Error.WriteLine($"Hub logs kept in {LogFolder}");
        }
    }

    /// <summary>Keep the logs folder after dispose (a failed run).</summary>
    public void KeepLogs() => _keepFolder = true;

    private async Task StartHostsAsync(HubBuildOutput build, HubTopology topology, Action<string> status, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        status("starting web node 1 (migrations, demo seed)");
        var first = StartHost("web-1", build.WebDll, isFirstWeb: true, null);
        _webs.Add(first);
        await first.WaitReadyAsync(http, ReadyTimeout, cancellationToken);

        // One at a time, as an operator scales out: several silos joining at once on 2 cores made one of them
        // fail its start now and then. A host that exits before it is ready is started once more on fresh ports.
        var others = Enumerable.Range(2, Math.Max(0, topology.WebNodes - 1)).Select(i => (Name: $"web-{i}", Dll: build.WebDll, List: _webs))
            .Concat(Enumerable.Range(1, topology.HeadlessSilos).Select(i => (Name: $"silo-{i}", Dll: build.SiloDll, List: _silos)));
        foreach (var (name, dll, list) in others)
        {
            status($"starting {name}");
            for (var attempt = 1; ; attempt++)
            {
                var host = StartHost(name, dll, isFirstWeb: false, first.BaseAddress, attempt);
                try
                {
                    await host.WaitReadyAsync(http, ReadyTimeout, cancellationToken);
                    list.Add(host);
                    break;
                }
                catch (InvalidOperationException) when (attempt == 1 && host.HasExited)
                {
                    status($"{name} exited during start; starting it again (log: {name}.log)");
                    await host.DisposeAsync();
                }
                catch
                {
                    list.Add(host);
                    throw;
                }
            }
        }
    }

    private int NextPort()
    {
        while (true)
        {
            var port = FreePorts.Next();
            if (_portsHandedOut.Add(port))
            {
                return port;
            }
        }
    }

    private HubProcess StartHost(string name, string dll, bool isFirstWeb, Uri? demoWeb, int attempt = 1)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{NextPort()}/");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__RealtyHub"] = _postgres.ConnectionString,
            ["RealtyHub__Cluster__ServiceId"] = ServiceId,
            ["RealtyHub__Cluster__ClusterId"] = ServiceId,
            ["RealtyHub__Cluster__SiloPort"] = NextPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RealtyHub__Cluster__GatewayPort"] = NextPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RealtyHub__Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["RealtyHub__Demo__Enabled"] = isFirstWeb ? "true" : "false",
            ["RealtyHub__Demo__Traffic"] = "false",
            ["RealtyHub__Demo__Password"] = Password,
        };
        if (_voiceModel is not null)
        {
            foreach (var (key, value) in VoiceSettings(_voiceModel))
            {
                settings[key] = value;
            }
        }

        if (demoWeb is not null)
        {
            var isSilo = name.StartsWith("silo", StringComparison.Ordinal);
            settings["Twilio__AccountSid"] = DemoAccountSid;
            settings["Twilio__AuthToken"] = DemoAuthToken;
            settings["Twilio__ApiBaseUrl"] = new Uri(demoWeb, "twilio-emulator").ToString();

            // Web nodes validate webhook signatures against their own URL; headless silos name the first web node's.
            settings["Twilio__PublicBaseUrl"] = (isSilo ? demoWeb : baseAddress).ToString().TrimEnd('/');
        }

        return HubProcess.Start(name, dll, baseAddress, settings, Path.Combine(LogFolder, attempt == 1 ? name + ".log" : $"{name}.attempt{attempt}.log"));
    }
}
