using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Demo;

/// <summary>The demo's stand-in Twilio account (served by the built-in emulator) and its approved templates.</summary>
public static class DemoTwilio
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "demo-auth-token-not-a-secret";

    public static readonly IReadOnlyList<WhatsAppTemplate> Templates =
    [
        new("HX00000000000000000000000000000001", "Follow-up", "Hello {{1}}, this is {{2}} from Marina Realty. Are you still interested in properties in {{3}}?"),
        new("HX00000000000000000000000000000002", "Viewing reminder", "Hi {{1}}, a reminder of your viewing on {{2}}. Reply here to confirm or reschedule."),
        new("HX00000000000000000000000000000003", "New listings", "Hello {{1}}, new listings matching your search have arrived. Shall I send them over?"),
        new("HX00000000000000000000000000000004", "Request ready", "Your request \"{{1}}\" is ready, delivered by {{2}}. Open Requests in the RealtyHub console to read it."),
    ];
}
