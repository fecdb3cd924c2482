using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtyHub.Grains.Voice;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Hosting.Voice;

public static class VoiceHostingExtensions
{
    /// <summary>
    /// The Whisper engine (settings <c>RealtyHub:Voice</c>), its health check, and the grains' speech port. Without a
    /// model the hub runs: voice reports Degraded with the fix, and transcripts say they are unavailable.
    /// </summary>
    public static IHostApplicationBuilder AddRealtyHubVoice(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRealtyHubVoice(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISpeechToText, MediaSpeechToText>());
        return builder;
    }
}
