using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>
/// Two real Kestrel hosts on 127.0.0.1:0: the stand-in hub (<see cref="Hub"/>) and the Twilio emulator with its call mode
/// pointed at the hub's voice webhook and status callback. <see cref="StartEmulatorAsync"/> makes more emulators,
/// e.g. with a wrong auth token.
/// </summary>
public sealed class CallHubFixture : IAsyncLifetime
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "voice-auth-token";
    public const string Caller = "+971501234567";

    private WebApplication? hub;
    private WebApplication? emulator;

    public StandInVoiceHub Hub { get; } = new(AuthToken);

    public Uri HubUrl { get; private set; } = null!;

    public Uri EmulatorUrl { get; private set; } = null!;

    public EmulatedCallService Calls => emulator!.Services.GetRequiredService<EmulatedCallService>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        hub = builder.Build();
        Hub.Map(hub);
        await hub.StartAsync();
        HubUrl = new Uri(hub.Urls.First());

        emulator = await StartEmulatorAsync();
        EmulatorUrl = new Uri(emulator.Urls.First());
    }

    /// <summary>An emulator whose call mode targets the stand-in hub; <paramref name="adjust"/> changes its settings.</summary>
    public async Task<WebApplication> StartEmulatorAsync(Action<TwilioEmulatorOptions>? adjust = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddTwilioEmulator(o =>
        {
            o.AccountSid = AccountSid;
            o.AuthToken = AuthToken;
            o.VoiceWebhookUrl = new Uri(HubUrl, "/hub/voice/incoming");
            o.VoiceStatusCallbackUrl = new Uri(HubUrl, "/hub/voice/status");
            adjust?.Invoke(o);
        });
        var app = builder.Build();
        app.MapTwilioEmulator();
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }

        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }
}
