using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Twilio's JSON documents as they are on the wire: snake_case, counts as strings (<c>"num_segments": "1"</c>),
/// dates in RFC 2822 form (<c>Thu, 24 Aug 2023 05:01:45 +0000</c>).
/// </summary>
internal static class TwilioWireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public sealed record MessageDocument(
        string? Sid,
        string? AccountSid,
        string? To,
        string? From,
        string? Body,
        string? Status,
        int? ErrorCode,
        string? ErrorMessage,
        int? NumSegments,
        int? NumMedia,
        string? Direction,
        string? DateCreated,
        string? DateUpdated,
        string? DateSent)
    {
        public TwilioMessageResource ToResource() =>
            new(
                Sid ?? throw new JsonException("Twilio's message resource has no sid."),
                AccountSid ?? string.Empty,
                To ?? string.Empty,
                From ?? string.Empty,
                Body ?? string.Empty,
                TwilioMessageStatusNames.TryParse(Status, out var status) ? status : TwilioMessageStatus.Unknown,
                ErrorCode,
                ErrorMessage,
                NumSegments ?? 1,
                NumMedia ?? 0,
                Direction,
                ParseDate(DateCreated),
                ParseDate(DateUpdated),
                ParseDate(DateSent));
    }

    public sealed record ErrorDocument(int? Code, string? Message, string? MoreInfo, int? Status);
}
