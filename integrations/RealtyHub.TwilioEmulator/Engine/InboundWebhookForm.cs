using System.Globalization;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// The form Twilio posts to a number's incoming-message webhook for WhatsApp
/// (https://www.twilio.com/docs/messaging/guides/webhook-request), field for field.
/// </summary>
internal static class InboundWebhookForm
{
    public static List<KeyValuePair<string, string>> Build(EmulatedMessage message, string accountSid)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("SmsMessageSid", message.Sid),
            new("NumMedia", message.Media.Count.ToString(CultureInfo.InvariantCulture)),
            new("ProfileName", message.ProfileName ?? string.Empty),
            new("MessageType", MessageType(message)),
            new("SmsSid", message.Sid),
            new("WaId", message.ClientNumber[1..]),
            new("SmsStatus", "received"),
            new("Body", message.Body),
            new("To", message.To),
            new("NumSegments", "1"),
            new("ReferralNumMedia", "0"),
            new("MessageSid", message.Sid),
            new("AccountSid", accountSid),
            new("From", message.From),
            new("ApiVersion", "2010-04-01"),
        };

        for (var i = 0; i < message.Media.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            form.Add(new("MediaContentType" + index, message.Media[i].ContentType ?? "application/octet-stream"));
            form.Add(new("MediaUrl" + index, message.Media[i].Url.AbsoluteUri));
        }

        return form;
    }

    private static string MessageType(EmulatedMessage message)
    {
        if (message.Media.Count == 0)
        {
            return "text";
        }

        var contentType = message.Media[0].ContentType ?? string.Empty;
        return contentType.StartsWith("image/", StringComparison.Ordinal) ? "image"
            : contentType.StartsWith("video/", StringComparison.Ordinal) ? "video"
            : contentType.StartsWith("audio/", StringComparison.Ordinal) ? "audio"
            : "document";
    }
}
