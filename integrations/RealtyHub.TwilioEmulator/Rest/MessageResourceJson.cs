using System.Globalization;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>
/// Twilio's Message resource, field for field (https://www.twilio.com/docs/messaging/api/message-resource).
/// Counts are strings and <c>uri</c> is relative to the API host, as Twilio has them.
/// </summary>
internal sealed record MessageResourceJson(
    string AccountSid,
    string ApiVersion,
    string Body,
    string DateCreated,
    string? DateSent,
    string DateUpdated,
    string Direction,
    int? ErrorCode,
    string? ErrorMessage,
    string From,
    string? MessagingServiceSid,
    string NumMedia,
    string NumSegments,
    string? Price,
    string PriceUnit,
    string Sid,
    string Status,
    IReadOnlyDictionary<string, string> SubresourceUris,
    string To,
    string Uri)
{
    public static MessageResourceJson Of(EmulatedMessage message, string accountSid)
    {
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}";
        return new(
            accountSid,
            "2010-04-01",
            message.Body,
            TwilioJson.Date(message.DateCreated),
            message.DateSent is { } sent ? TwilioJson.Date(sent) : null,
            TwilioJson.Date(message.DateUpdated),
            message.Direction == EmulatedMessageDirection.Inbound ? "inbound" : "outbound-api",
            message.ErrorCode,
            message.ErrorMessage,
            message.From,
            null,
            message.Media.Count.ToString(CultureInfo.InvariantCulture),
            "1",
            null,
            "USD",
            message.Sid,
            message.Status.ToWireName(),
            new Dictionary<string, string> { ["media"] = uri + "/Media.json" },
            message.To,
            uri + ".json");
    }
}
