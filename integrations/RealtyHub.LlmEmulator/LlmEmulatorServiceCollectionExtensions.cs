using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RealtyHub.LlmEmulator;

/// <summary>Registers the LLM emulator.</summary>
public static class LlmEmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the emulator's options and <see cref="LlmEmulatorService"/>. Map its endpoints with
    /// <see cref="LlmEmulatorEndpointRouteBuilderExtensions.MapLlmEmulator"/>.
    /// </summary>
    public static IServiceCollection AddLlmEmulator(this IServiceCollection services, Action<LlmEmulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LlmEmulatorOptions>().Configure(configure);
        services.TryAddSingleton<LlmEmulatorService>();
        return services;
    }
}
