using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RealtyHub.Testing;

/// <summary>
/// The real web host (co-hosted silo, console, API, hubs) on a real Kestrel port on 127.0.0.1, so browsers and
/// SignalR clients connect exactly as they do in production. Settings go in as configuration, like an operator's.
/// </summary>
public sealed class HubWebApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Password-4-Tests";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public HubWebApp(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        // The port is chosen up front because the hub names its own URL in settings (webhooks, the demo Twilio emulator).
        var port = FreePorts.Next();
        _settings = new Dictionary<string, string?>(settings) { ["urls"] = $"http://127.0.0.1:{port}" };
        UseKestrel(port);
        StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Settings for a hub on a test database with its own cluster id and silo ports.</summary>
    public static Dictionary<string, string?> SettingsFor(string? connectionString, string clusterId) => new()
    {
        ["ConnectionStrings:RealtyHub"] = connectionString,
        ["RealtyHub:Cluster:ServiceId"] = clusterId,
        ["RealtyHub:Cluster:ClusterId"] = clusterId,
        ["RealtyHub:Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RealtyHub:Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RealtyHub:Demo:Password"] = DemoPassword,
        // Tests make their own traffic; the demo's simulated clients would make counts unpredictable.
        ["RealtyHub:Demo:Traffic"] = "false",
        // Twilio's retries at test speed: the same policy, shorter waits.
        ["Twilio:RetryBaseDelay"] = "00:00:00.020",
        ["RealtyHub:Outbox:SweepEvery"] = "00:00:01",
        ["RealtyHub:Outbox:ResendAfter"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
        // The native Whisper engine with a placeholder model: real interop, untrained words, short runs.
        ["RealtyHub:Voice:ModelPath"] = TestWhisperModel.Path,
        ["RealtyHub:Voice:MaxTokensPerSegment"] = "8",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }

        foreach (var (key, value) in _settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
