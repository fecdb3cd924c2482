using System.Globalization;
using System.Text.Json;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>Twilio's JSON conventions: snake_case names, RFC 2822 dates with <c>+0000</c>.</summary>
internal static class TwilioJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
