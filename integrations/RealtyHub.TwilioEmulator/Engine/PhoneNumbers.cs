using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

internal static class PhoneNumbers
{
    /// <summary>The E.164 number of <c>+…</c> or <c>whatsapp:+…</c>.</summary>
    /// <exception cref="ArgumentException">Neither form; the message says why.</exception>
    public static string ToE164(string? number, string parameterName)
    {
        var e164 = number?.StartsWith(WhatsAppAddress.Prefix, StringComparison.Ordinal) == true ? number[WhatsAppAddress.Prefix.Length..] : number;
        return WhatsAppAddress.TryFromE164(e164, out var address, out var error)
            ? address.E164
            : throw new ArgumentException(error, parameterName);
    }
}
