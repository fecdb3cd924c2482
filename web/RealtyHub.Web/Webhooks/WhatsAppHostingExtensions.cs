using RealtyHub.Hosting.Messaging;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Voice;

namespace RealtyHub.Web.Webhooks;

public static class WhatsAppHostingExtensions
{
    public const string EmulatorPrefix = "/twilio-emulator";

    /// <summary>
    /// Inbound WhatsApp (webhooks, durable inbox, processor). With no Twilio account configured in demo mode, the
    /// built-in Twilio emulator is mounted in this host and the Twilio settings point at it: the production client
    /// code then talks to it over real HTTP, exactly as it would to Twilio.
    /// </summary>
    public static WebApplicationBuilder AddRealtyHubWhatsApp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InboundOptions>(builder.Configuration.GetSection(InboundOptions.Section));
        builder.Services.AddSingleton<InboundInbox>();
        builder.Services.AddSingleton<AgentNumbers>();
        builder.Services.AddSingleton<InboundProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundProcessor>());

        if (UsesEmulator(builder.Configuration))
        {
            var self = SelfUrl(builder.Configuration["urls"]);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{TwilioOptions.SectionName}:AccountSid"] = DemoTwilio.AccountSid,
                [$"{TwilioOptions.SectionName}:AuthToken"] = DemoTwilio.AuthToken,
                [$"{TwilioOptions.SectionName}:ApiBaseUrl"] = self + EmulatorPrefix,
                [$"{TwilioOptions.SectionName}:PublicBaseUrl"] = self,
            });
            builder.Services.AddTwilioEmulator(o =>
            {
                o.AccountSid = DemoTwilio.AccountSid;
                o.AuthToken = DemoTwilio.AuthToken;
                o.InboundWebhookUrl = new Uri(self + WebhookAddress.InboundPath);
                o.VoiceWebhookUrl = new Uri(self + VoiceWebhooks.AnswerPath);
                o.VoiceStatusCallbackUrl = new Uri(self + VoiceWebhooks.StatusPath);
                o.PublicBaseUrl = new Uri(self);
                foreach (var template in DemoTwilio.Templates)
                {
                    o.ContentTemplates[template.ContentSid] = template.Body;
                }
            });
        }

        return builder;
    }

    public static WebApplication MapRealtyHubWhatsApp(this WebApplication app)
    {
        app.MapTwilioWebhooks();
        if (UsesEmulator(app.Configuration))
        {
            app.MapTwilioEmulator(EmulatorPrefix);
        }

        return app;
    }

    /// <summary>The emulator stands in for Twilio in demo mode unless a real account is configured.</summary>
    public static bool UsesEmulator(IConfiguration configuration) =>
        configuration.GetValue("RealtyHub:Demo:Enabled", true)
        && configuration.GetValue("RealtyHub:Demo:TwilioEmulator", true)
        && (string.IsNullOrEmpty(configuration[$"{TwilioOptions.SectionName}:AccountSid"])
            || configuration[$"{TwilioOptions.SectionName}:AccountSid"] == DemoTwilio.AccountSid);

    /// <summary>This host's own base URL: the first of its configured URLs, with wildcard hosts made local.</summary>
    private static string SelfUrl(string? urls)
    {
        var first = (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
