using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Hosting.Ai;
using RealtyHub.Integrations.Ai;
using RealtyHub.LlmEmulator;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>
/// The LLM emulator on a real Kestrel port (127.0.0.1:0), and the hub's AI classes built as production builds them
/// (<see cref="AiChatClientFactory"/> through <see cref="AiChat"/>), pointed at it. The daily allowance lives in memory
/// here; the PostgreSQL one is tested in the cluster tests.
/// </summary>
public sealed class LlmEmulatorFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-emulator-test-key";
    public const string Model = "realtyhub-emulator";

    private WebApplication? host;

    public Uri BaseUrl { get; private set; } = null!;

    public LlmEmulatorService Emulator => host!.Services.GetRequiredService<LlmEmulatorService>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddLlmEmulator(o => o.ApiKey = ApiKey);
        host = builder.Build();
        host.MapLlmEmulator();
        await host.StartAsync();
        BaseUrl = new Uri(host.Urls.First());
    }

    /// <summary>Options for the emulator: short retry delays so tests stay fast; otherwise the defaults.</summary>
    public AiOptions Options(Action<AiOptions>? adjust = null)
    {
        var options = new AiOptions
        {
            Endpoint = new Uri(BaseUrl, "/llm-emulator/v1"),
            Model = Model,
            ApiKey = ApiKey,
            Timeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            DailyTokenBudget = 0,
        };
        adjust?.Invoke(options);
        return options;
    }

    public static AiChat Chat(AiOptions options, TimeProvider? clock = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), new AiBudget(new InMemoryAiUsage(), Microsoft.Extensions.Options.Options.Create(options), clock ?? TimeProvider.System), NullLogger<AiChat>.Instance);

    public static ChatClientUnderstander Understander(AiOptions options, TimeProvider clock) => new(Chat(options, clock), new RuleBasedUnderstander(clock), clock);

    public static ChatClientDrafter Drafter(AiOptions options, TimeProvider clock) => new(Chat(options, clock), clock);

    public HttpClient RawClient(string? key = ApiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl, "/llm-emulator/v1/") };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
