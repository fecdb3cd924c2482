using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RealtyHub.Grains.Data;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Hosting.Messaging;

public static class MessagingHostingExtensions
{
    /// <summary>Outbound WhatsApp through Twilio's REST API (or the emulator, which speaks the same protocol).</summary>
    public static IHostApplicationBuilder AddRealtyHubMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTwilioMessaging(builder.Configuration.GetSection(TwilioOptions.SectionName));
        builder.Services.AddSingleton<WebhookAddress>();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<WhatsAppOutbox>();
        builder.Services.AddSingleton<IOutboundMessenger>(sp => sp.GetRequiredService<WhatsAppOutbox>());
        builder.Services.AddHostedService<WhatsAppSender>();
        return builder;
    }
}
