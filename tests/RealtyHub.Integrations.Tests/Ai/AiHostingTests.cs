using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RealtyHub.Grains;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Hosting.Ai;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>What <see cref="AiHostingExtensions.AddRealtyHubAi"/> registers with and without a configured model.</summary>
public sealed class AiHostingTests
{
    [Fact]
    public void Without_an_endpoint_the_rules_and_templates_stay()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<RuleBasedUnderstander>(services.GetRequiredService<IRequestUnderstander>());
        Assert.IsType<TemplateDrafter>(services.GetRequiredService<IRequestDrafter>());
        Assert.False(services.GetRequiredService<IOptions<AiOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void With_an_endpoint_and_model_the_chat_client_classes_replace_them()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["RealtyHub:Ai:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["RealtyHub:Ai:Model"] = "llama3.1:8b",
            ["RealtyHub:Ai:Timeout"] = "00:00:30",
            ["RealtyHub:Ai:DailyTokenBudget"] = "50000",
        });

        Assert.IsType<ChatClientUnderstander>(services.GetRequiredService<IRequestUnderstander>());
        Assert.IsType<ChatClientDrafter>(services.GetRequiredService<IRequestDrafter>());
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(30), 2, 50_000L), (options.Timeout, options.MaxRetries, options.DailyTokenBudget));
        Assert.Equal("llama3.1:8b", services.GetRequiredService<AiChat>().Model);
    }

    [Fact]
    public void Impossible_settings_are_refused()
    {
        using var services = Build(new Dictionary<string, string?> { ["RealtyHub:Ai:MaxRetries"] = "-1" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);
    }

    /// <summary>The grain services first (the defaults), then the AI layer, as <c>HubHost</c> orders them.</summary>
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"));   // never opened here
        builder.Services.AddRealtyHubGrainServices();
        builder.AddRealtyHubAi();
        return builder.Services.BuildServiceProvider();
    }
}
