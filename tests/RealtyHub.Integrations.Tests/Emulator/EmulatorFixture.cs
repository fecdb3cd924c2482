using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator;

namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>
/// Two real Kestrel hosts on 127.0.0.1:0: the Twilio emulator, and a stand-in for the hub's webhooks
/// (<see cref="Webhooks"/>). The hub-side clients are built from the production registration
/// (<see cref="TwilioServiceCollectionExtensions.AddTwilioMessaging(IServiceCollection, Action{TwilioOptions})"/>).
/// Tests share it, so each uses its own client numbers (<see cref="NewClientNumber"/>).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "emulator-auth-token";
    public const string BusinessNumber = "+97140000001";
    public const string UnreachableNumber = "+15550009999";
    public const string TemplateSid = "HX0123456789abcdef0123456789abcdef";

    private static int lastClient;
    private WebApplication? hub;
    private WebApplication? twilio;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public WebhookRecorder Webhooks { get; } = new(AuthToken);

    public Uri HubUrl { get; private set; } = null!;

    public Uri EmulatorUrl { get; private set; } = null!;

    public Uri InboundWebhookUrl => new(HubUrl, "/hub/whatsapp/inbound");

    public Uri StatusCallbackUrl => new(HubUrl, "/hub/whatsapp/status");

    public TwilioEmulatorService Emulator => twilio!.Services.GetRequiredService<TwilioEmulatorService>();

    public static string NewClientNumber() => $"+1555{Interlocked.Increment(ref lastClient):D7}";

    public async Task InitializeAsync()
    {
        hub = CreateHost();
        hub.MapPost("/hub/{**path}", (Delegate)Webhooks.RecordAsync);
        await hub.StartAsync();
        HubUrl = new Uri(hub.Urls.First());

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddTwilioEmulator(o =>
        {
            o.AccountSid = AccountSid;
            o.AuthToken = AuthToken;
            o.InboundWebhookUrl = InboundWebhookUrl;
            o.SentDelay = o.DeliveredDelay = o.ReadDelay = TimeSpan.Zero;
            o.SendReadReceipts = true;
            o.UndeliverableNumbers.Add(UnreachableNumber);
            o.ContentTemplates[TemplateSid] = "Hello {{1}}, your viewing is confirmed for {{2}}.";
        });
        twilio = builder.Build();
        twilio.MapTwilioEmulator();
        await twilio.StartAsync();
        EmulatorUrl = new Uri(twilio.Urls.First());
    }

    /// <summary>The hub's Twilio clients, registered as production registers them, pointed at the emulator.</summary>
    public ServiceProvider CreateHubServices(Action<TwilioOptions>? adjust = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddTwilioMessaging(o =>
            {
                o.AccountSid = AccountSid;
                o.AuthToken = AuthToken;
                o.ApiBaseUrl = new Uri(EmulatorUrl, "/twilio-emulator");
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                adjust?.Invoke(o);
            })
            .BuildServiceProvider();

    /// <summary>A raw client for checking the emulator's wire behaviour, with or without the account's credentials.</summary>
    public HttpClient CreateRawClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = new Uri(EmulatorUrl, $"/twilio-emulator/2010-04-01/Accounts/{AccountSid}/") };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (twilio is not null)
        {
            await twilio.DisposeAsync();
        }

        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }

    private static WebApplication CreateHost()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
