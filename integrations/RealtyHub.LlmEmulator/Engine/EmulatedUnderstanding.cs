using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RealtyHub.LlmEmulator.Wire;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>
/// Stands in for a model asked to understand a request: a deliberately small keyword classifier of its own (not the
/// hub's rules, so tests prove the hub maps a model's answer rather than its own), answering the JSON object the
/// hub's prompt asks for. "Today is yyyy-MM-dd" in the system prompt lets it resolve "tomorrow".
/// </summary>
internal static partial class EmulatedUnderstanding
{
    private static readonly (string Kind, string[] Words)[] Kinds =
    [
        ("market_report", ["cma", "market", "valuation", "comparable"]),
        ("social_post", ["instagram", "social", "post"]),
        ("listing_description", ["listing", "description", "copy"]),
        ("follow_up_message", ["follow", "remind", "message"]),
        ("document_check", ["check", "contract", "compliance", "review"]),
    ];

    private static readonly string[] Areas = ["Marina", "JLT", "Downtown", "Palm", "Business Bay", "JVC"];

    public static string Answer(EmulatedChatRequest request)
    {
        var text = request.LastUserText;
        var lower = text.ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Words.Any(lower.Contains)).Kind ?? "knowledge_answer";
        var area = Areas.FirstOrDefault(a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
        var price = Price().Match(text) is { Success: true } p ? decimal.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) * 1_000_000m : (decimal?)null;
        var answer = new UnderstandingJson(
            kind,
            Property().Match(text) is { Success: true } property ? property.Groups[1].Value : null,
            area,
            Client().Match(text) is { Success: true } client && !Areas.Contains(client.Groups[1].Value) ? client.Groups[1].Value : null,
            price,
            Tomorrow(request, lower),
            null);
        return JsonSerializer.Serialize(answer, OpenAiJson.Options);
    }

    private static string? Tomorrow(EmulatedChatRequest request, string lower)
    {
        var today = request.Messages.Select(m => Today().Match(m.Content)).FirstOrDefault(m => m.Success);
        return lower.Contains("tomorrow", StringComparison.Ordinal) && today is not null
            ? DateOnly.ParseExact(today.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"\bthe ([A-Z]\w+ (?:villa|apartment|penthouse|townhouse))\b")]
    private static partial Regex Property();

    [GeneratedRegex(@"\b(?:for|to|with) ([A-Z][a-z]+)\b")]
    private static partial Regex Client();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:m|million)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"Today is (\d{4}-\d{2}-\d{2})")]
    private static partial Regex Today();
}
