using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Hosting.Ai;

public static class AiHostingExtensions
{
    /// <summary>
    /// Binds <see cref="AiOptions"/> (section <c>RealtyHub:Ai</c>). With an endpoint and a model configured, requests are
    /// understood and drafted by that model (<see cref="ChatClientUnderstander"/>, <see cref="ChatClientDrafter"/>,
    /// replacing the defaults) under the daily allowance; without, the defaults registered with the grain services
    /// stay: the rule-based understander and the labelled template drafter.
    /// </summary>
    public static IHostApplicationBuilder AddRealtyHubAi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(AiOptions.SectionName);
        builder.Services.AddOptions<AiOptions>()
            .Bind(section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxRetries >= 0 && o.RetryBaseDelay >= TimeSpan.Zero && o.DailyTokenBudget >= 0,
                $"{AiOptions.SectionName}: Timeout must be positive; MaxRetries, RetryBaseDelay and DailyTokenBudget must not be negative.")
            .ValidateOnStart();
        if (!(section.Get<AiOptions>() ?? new AiOptions()).IsConfigured)
        {
            return builder;
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IAiUsageStore, AiUsageStore>();
        builder.Services.TryAddSingleton<AiBudget>();
        builder.Services.TryAddSingleton<AiChat>();
        builder.Services.TryAddSingleton<RuleBasedUnderstander>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IRequestUnderstander, ChatClientUnderstander>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IRequestDrafter, ChatClientDrafter>());
        return builder;
    }
}
