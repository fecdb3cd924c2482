using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.TwilioEmulator.Engine;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.TwilioEmulator;

/// <summary>Registers the Twilio emulator.</summary>
public static class TwilioEmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the emulator's services (its state, the status-callback worker, <see cref="TwilioEmulatorService"/>,
    /// and the call mode, <see cref="EmulatedCallService"/>).
    /// Map its endpoints with <see cref="TwilioEmulatorEndpointRouteBuilderExtensions.MapTwilioEmulator"/>. Uses the
    /// registered <see cref="TimeProvider"/> (the system clock unless the host registered another) for the
    /// 24-hour window and status delays.
    /// </summary>
    public static IServiceCollection AddTwilioEmulator(this IServiceCollection services, Action<TwilioEmulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TwilioEmulatorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioEmulatorOptions>, TwilioEmulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SignedFormPoster.HttpClientName);

        services.TryAddSingleton<EmulatorStore>();
        services.TryAddSingleton<EmulatorUrls>();
        services.TryAddSingleton<SignedFormPoster>();
        services.TryAddSingleton<StatusCallbackDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<StatusCallbackDispatcher>());
        services.TryAddSingleton(provider => new TwilioEmulatorService(
            provider.GetRequiredService<EmulatorStore>(),
            provider.GetRequiredService<SignedFormPoster>(),
            provider.GetRequiredService<EmulatorUrls>(),
            provider.GetRequiredService<IOptions<TwilioEmulatorOptions>>(),
            provider.GetRequiredService<ILogger<TwilioEmulatorService>>()));

        services.TryAddSingleton<EmulatedCallStore>();
        services.TryAddSingleton(provider => new EmulatedCallService(
            provider.GetRequiredService<SignedFormPoster>(),
            provider.GetRequiredService<EmulatedCallStore>(),
            provider.GetRequiredService<IOptions<TwilioEmulatorOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<EmulatedCallService>>()));
        return services;
    }
}
