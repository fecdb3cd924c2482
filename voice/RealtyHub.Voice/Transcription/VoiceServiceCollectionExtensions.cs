using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RealtyHub.Voice.Transcription;

/// <summary>Registers the Whisper transcriber for hosts (web, silo).</summary>
public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="VoiceOptions"/> from <c>RealtyHub:Voice</c> (validated at start), <see cref="ITranscriber"/> as a
    /// singleton <see cref="WhisperTranscriber"/>, and the "voice" health check. A missing model or native library does
    /// not stop the host: the health check reports Degraded and transcription requests say why.
    /// </summary>
    public static IServiceCollection AddRealtyHubVoice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VoiceOptions>()
            .Bind(configuration.GetSection(VoiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>());
        services.TryAddSingleton<WhisperTranscriber>();
        services.TryAddSingleton<ITranscriber>(provider => provider.GetRequiredService<WhisperTranscriber>());
        services.AddHealthChecks().AddCheck<VoiceHealthCheck>(VoiceHealthCheck.Name, tags: [VoiceHealthCheck.Name]);
        return services;
    }
}
