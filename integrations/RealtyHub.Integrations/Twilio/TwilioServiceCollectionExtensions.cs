using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Registers the Twilio clients.</summary>
public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TwilioMessagingClient"/> and <see cref="TwilioMediaClient"/> with options bound from
    /// <paramref name="configuration"/> (usually <c>Configuration.GetSection("Twilio")</c>), validated at start-up.
    /// </summary>
    public static IServiceCollection AddTwilioMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddTwilioMessaging(builder => builder.Bind(configuration));
    }

    /// <summary>Registers <see cref="TwilioMessagingClient"/> and <see cref="TwilioMediaClient"/> with options set in code.</summary>
    public static IServiceCollection AddTwilioMessaging(this IServiceCollection services, Action<TwilioOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddTwilioMessaging(builder => builder.Configure(configure));
    }

    private static IServiceCollection AddTwilioMessaging(this IServiceCollection services, Action<OptionsBuilder<TwilioOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<TwilioOptions>());
        services.AddOptions<TwilioOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());

        services.AddHttpClient<TwilioMessagingClient>()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => Tune(resilience, provider.GetRequiredService<IOptions<TwilioOptions>>().Value));

        // Redirects are followed by TwilioMediaClient itself, so credentials never follow them to another host.
        services.AddHttpClient<TwilioMediaClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => Tune(resilience, provider.GetRequiredService<IOptions<TwilioOptions>>().Value));

        return services;
    }

    private static void Tune(HttpStandardResilienceOptions resilience, TwilioOptions twilio)
    {
        // The standard pipeline retries every method, POST included: safe here because each create request
        // carries an I-Twilio-Idempotency-Token that stays the same across the retries of one call.
        resilience.Retry.MaxRetryAttempts = twilio.MaxRetryAttempts;
        resilience.Retry.Delay = twilio.RetryBaseDelay;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }
}
