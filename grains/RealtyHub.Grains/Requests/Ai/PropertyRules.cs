using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Finds the property a request is about: a unit number ("unit 1203", "villa 14"), a named property ("the Marina
/// villa" → "Marina villa"), or a size and type ("2-bed in JLT", "studio in JVC"). The earliest phrase wins.
/// </summary>
internal static partial class PropertyRules
{
    public static string? Find(string text)
    {
        (int Index, string Value)? best = null;
        foreach (var candidate in Candidates(text))
        {
            if (best is null || candidate.Index < best.Value.Index)
            {
                best = candidate;
            }
        }

        return best?.Value;
    }

    private static IEnumerable<(int Index, string Value)> Candidates(string text)
    {
        if (Unit().Match(text) is { Success: true } unit)
        {
            yield return (unit.Index, unit.Value);
        }

        if (NamedProperty().Match(text) is { Success: true } named)
        {
            yield return (named.Index, named.Groups["name"].Value);
        }

        if (SizeAndType().Match(text) is { Success: true } sized)
        {
            yield return (sized.Index, WithArea(text, sized));
        }
    }

    /// <summary>"2-bed" followed by "in JLT" becomes "2-bed in JLT": the area is part of what the agent means.</summary>
    private static string WithArea(string text, Match sized)
    {
        var rest = text[(sized.Index + sized.Length)..];
        var inWord = InPrefix().Match(rest);
        if (inWord.Success && DubaiAreas.Find(rest[inWord.Length..]) is { Index: 0 } area)
        {
            return string.Concat(sized.Value, inWord.Value, rest.AsSpan(inWord.Length, area.Length));
        }

        return sized.Value;
    }

    // Not "villa 2.5M" (a price) nor "apartment 3 bed" (a size).
    [GeneratedRegex(@"\b(unit|apartment|apt|villa|flat|office|townhouse|penthouse|plot|shop)\s*(no\.?\s*|number\s+|#\s*)?[A-Z]?\d{1,5}[A-Z]?(-\d{1,4})?\b(?![.,]\d|\s*(m|mn|million|k|aed|-?\s*(bed|br|bhk)))", RegexOptions.IgnoreCase)]
    private static partial Regex Unit();

    // One to three describing words between "the" and the type, none of them a preposition or article.
    [GeneratedRegex(@"\bthe\s+(?<name>(?:(?!(?:for|to|with|about|of|and|in|on|at|a|an|the|my|our|his|her|their|this|that)\b)[\p{L}\d'’-]+\s+){1,3}?(villa|apartment|flat|penthouse|townhouse|studio|duplex|unit|plot|property|house|home|mansion|office|shop))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedProperty();

    [GeneratedRegex(@"\b(\d\s*-?\s*(bed(room)?s?|br|bhk)(\s+(apartment|villa|townhouse|flat|penthouse|duplex|unit))?|studio(\s+(apartment|flat))?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SizeAndType();

    [GeneratedRegex(@"^\s+in\s+", RegexOptions.IgnoreCase)]
    private static partial Regex InPrefix();
}
