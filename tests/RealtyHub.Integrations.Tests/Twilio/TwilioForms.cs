namespace RealtyHub.Integrations.Tests.Twilio;

/// <summary>Webhook forms as Twilio posts them, for parser tests.</summary>
internal static class TwilioForms
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string MessageSid = "SM0123456789abcdef0123456789abcdef";

    public static Dictionary<string, string> Inbound() => new()
    {
        ["SmsMessageSid"] = MessageSid,
        ["NumMedia"] = "0",
        ["ProfileName"] = "Sara",
        ["MessageType"] = "text",
        ["SmsSid"] = MessageSid,
        ["WaId"] = "971501234567",
        ["SmsStatus"] = "received",
        ["Body"] = "Is the marina flat still available?",
        ["To"] = "whatsapp:+97140000001",
        ["NumSegments"] = "1",
        ["ReferralNumMedia"] = "0",
        ["MessageSid"] = MessageSid,
        ["AccountSid"] = AccountSid,
        ["From"] = "whatsapp:+971501234567",
        ["ApiVersion"] = "2010-04-01",
    };

    public static Dictionary<string, string> Status(string status) => new()
    {
        ["AccountSid"] = AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["ChannelPrefix"] = "whatsapp",
        ["From"] = "whatsapp:+97140000001",
        ["MessageSid"] = MessageSid,
        ["MessageStatus"] = status,
        ["SmsSid"] = MessageSid,
        ["SmsStatus"] = status,
        ["To"] = "whatsapp:+971501234567",
    };
}
