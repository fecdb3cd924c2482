using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Dubai areas agents name, with the short forms they use ("the Marina", "JVC", "دبي مارينا"), mapped to one
/// canonical name so a request, a lead and a knowledge search agree on the spelling.
/// </summary>
public static partial class DubaiAreas
{
    private static readonly (string Name, string[] Aliases)[] Known =
    [
        ("Dubai Marina", ["dubai marina", "marina", "دبي مارينا", "مارينا"]),
        ("Downtown Dubai", ["downtown dubai", "downtown", "وسط مدينة دبي", "داون تاون"]),
        ("Palm Jumeirah", ["palm jumeirah", "the palm", "palm", "نخلة جميرا"]),
        ("JVC", ["jvc", "jumeirah village circle"]),
        ("JVT", ["jvt", "jumeirah village triangle"]),
        ("JLT", ["jlt", "jumeirah lake towers", "jumeirah lakes towers"]),
        ("JBR", ["jbr", "jumeirah beach residence"]),
        ("Business Bay", ["business bay", "الخليج التجاري"]),
        ("Arabian Ranches", ["arabian ranches", "the ranches", "المرابع العربية"]),
        ("Dubai Hills", ["dubai hills estate", "dubai hills", "تلال دبي"]),
        ("Emirates Hills", ["emirates hills", "تلال الإمارات"]),
        ("DIFC", ["difc"]),
        ("Dubai Creek Harbour", ["dubai creek harbour", "creek harbour", "creek harbor"]),
        ("City Walk", ["city walk"]),
        ("Bluewaters", ["bluewaters", "bluewaters island"]),
        ("Al Barsha", ["al barsha", "barsha"]),
        ("Al Furjan", ["al furjan", "furjan"]),
        ("Mirdif", ["mirdif", "mirdiff"]),
        ("Meydan", ["meydan"]),
        ("Damac Hills", ["damac hills"]),
        ("Town Square", ["town square"]),
        ("Motor City", ["motor city"]),
        ("Sports City", ["sports city", "dubai sports city"]),
        ("Dubai South", ["dubai south"]),
        ("Deira", ["deira", "ديرة"]),
        ("Bur Dubai", ["bur dubai"]),
        ("Jumeirah", ["jumeirah", "jumeira", "جميرا"]),
    ];

    /// <summary>Every alias as one pattern, longest first, so "Palm Jumeirah" is found before "Jumeirah".</summary>
    private static readonly Regex AnyAlias = BuildPattern();

    private static readonly Dictionary<string, string> ByAlias = Known
        .SelectMany(area => area.Aliases.Select(alias => (alias, area.Name)))
        .ToDictionary(pair => pair.alias, pair => pair.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical names, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Select(area => area.Name).ToArray();

    /// <summary>The first area named in <paramref name="text"/> (earliest position; the longest alias there), or null.</summary>
    public static AreaMatch? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = AnyAlias.Match(text);
        return match.Success ? new AreaMatch(ByAlias[match.Value], match.Index, match.Length) : null;
    }

    /// <summary>The canonical name when <paramref name="area"/> is one we know ("marina" → "Dubai Marina"), otherwise the text trimmed.</summary>
    public static string Canonicalize(string area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var trimmed = area.Trim();
        return ByAlias.TryGetValue(trimmed, out var name) ? name : trimmed;
    }

    private static Regex BuildPattern()
    {
        // Arabic words take attached prefixes (و "and", ب "in"), so Arabic aliases match without a leading boundary.
        var alternatives = Known
            .SelectMany(area => area.Aliases)
            .OrderByDescending(alias => alias.Length)
            .Select(alias => IsArabic(alias) ? Regex.Escape(alias) : $@"\b{Regex.Escape(alias)}\b");
        return new Regex(string.Join('|', alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static bool IsArabic(string text) => ArabicLetter().IsMatch(text);

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
