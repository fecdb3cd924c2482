using System.Globalization;
using System.Text.Json;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// Reads and checks a model's understanding JSON. Unusable (null) when it is not a JSON object or names no known
/// kind; a field of the wrong type or an impossible value (a negative price, a date that does not parse) is dropped
/// rather than trusted. Areas are put in the hub's spelling ("Marina" → "Dubai Marina").
/// </summary>
internal static class UnderstandingAnswer
{
    private const int MaxText = 200;

    public static (RequestKind Kind, RequestEntities Entities, string? Question)? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonElement root;
        try
        {
            // Some local models wrap JSON in a Markdown fence despite the response format.
            root = JsonDocument.Parse(StripFence(text)).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || Kind(String(root, "kind")) is not { } kind)
        {
            return null;
        }

        var area = String(root, "area");
        var entities = new RequestEntities(
            Property: String(root, "property"),
            Area: area is null ? null : DubaiAreas.Canonicalize(area),
            ClientName: String(root, "client_name"),
            Price: root.TryGetProperty("price_aed", out var price) && price.ValueKind == JsonValueKind.Number && price.TryGetDecimal(out var aed) && aed > 0 ? aed : null,
            Deadline: DateOnly.TryParseExact(String(root, "deadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline) ? deadline : null);
        return (kind, entities, String(root, "missing_info_question"));
    }

    private static RequestKind? Kind(string? value) =>
        value is null ? null : Enum.TryParse<RequestKind>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= MaxText } text
            ? text
            : null;

    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && end > firstLineEnd ? trimmed[(firstLineEnd + 1)..end] : trimmed;
    }
}
