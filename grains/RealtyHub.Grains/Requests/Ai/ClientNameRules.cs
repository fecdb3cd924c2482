using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Finds the client a request names: a title and surname ("Mr. Khan"), a capitalised name after a word that points
/// at a person ("for Sara", "to Sara Al Mansoori", "remind Omar"), or a possessive ("Sara's"). Names must start with a
/// capital letter (lower-case "for sara" is not recognised: too easily a word); areas, days, months, developers and
/// platforms that look like names are not clients. The earliest name wins.
/// </summary>
internal static partial class ClientNameRules
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "We", "You", "He", "She", "They", "Him", "Her", "Them", "Me", "Us", "It", "The", "A", "An", "This", "That",
        "Dubai", "Abu", "Sharjah", "UAE", "Emirates", "Marina", "Downtown", "Palm", "Jumeirah", "Business", "Arabian",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tomorrow", "Tonight",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Instagram", "Facebook", "LinkedIn", "TikTok", "Twitter", "WhatsApp", "Bayut", "Dubizzle", "Property", "Finder",
        "Emaar", "Damac", "Nakheel", "Meraas", "Sobha", "Ellington", "Aldar", "Azizi", "Binghatti", "Select",
        "RERA", "DLD", "CMA", "AED", "Ejari", "Ramadan", "Eid", "Q1", "Q2", "Q3", "Q4", "Villa", "Unit", "Apartment",
        "Client", "Lead", "Buyer", "Seller", "Tenant", "Landlord", "Team", "Expert", "Agent", "Everyone", "All",
    };

    public static string? Find(string text)
    {
        var found = new List<(int Index, string Name)>();
        if (Titled().Match(text) is { Success: true } titled)
        {
            // "Mr. Khan Friday": the title's first word is the name; a second only when it is one.
            var second = titled.Groups["second"];
            found.Add((titled.Index, second.Success && IsNotAName(second.Value.Trim()) ? titled.Value[..(second.Index - titled.Index)] : titled.Value));
        }

        foreach (Match match in AfterPointer().Matches(text))
        {
            if (Clean(match.Groups["name"].Value) is { } name)
            {
                found.Add((match.Groups["name"].Index, name));
                break;
            }
        }

        foreach (Match match in Possessive().Matches(text))
        {
            if (Clean(match.Groups["name"].Value) is { } name)
            {
                found.Add((match.Index, name));
                break;
            }
        }

        return found.Count == 0 ? null : PossessiveEnding().Replace(found.MinBy(f => f.Index).Name, string.Empty);
    }

    /// <summary>Drops words that are not names; null when the first word is not one.</summary>
    private static string? Clean(string candidate)
    {
        var words = PossessiveEnding().Replace(candidate, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (IsNotAName(words[0]) || DubaiAreas.Find(candidate) is { Index: 0 })
        {
            return null;
        }

        var kept = words.TakeWhile((word, i) => i == 0 || !IsNotAName(word)).ToList();
        // "Sara Al" (a dangling connector) is just "Sara".
        while (kept.Count > 1 && Connector().IsMatch(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join(' ', kept);
    }

    // All-capital words (JLT, CMA) are acronyms, not names.
    private static bool IsNotAName(string word) =>
        NotNames.Contains(word) || (word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)));

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Dr|Sheikh|Sheikha|Madam)\.?\s+[A-Z][\p{L}'’-]*[\p{L}](?<second>\s+[A-Z][\p{L}'’-]*[\p{L}])?\b")]
    private static partial Regex Titled();

    [GeneratedRegex(@"\b(?i:for|to|with|client|lead|buyer|seller|tenant|landlord|tell|remind|email|message|text|call|ping|nudge|chase|thank|send|ask|contact|meet|update|inform|invite)\s+(?<name>[A-Z][\p{L}'’-]*[\p{L}](?:\s+(?:(?:Al|El|al|el|bin|bint|van|de|da)\s+)?[A-Z][\p{L}'’-]*[\p{L}])?)\b")]
    private static partial Regex AfterPointer();

    [GeneratedRegex(@"\b(?<name>[A-Z][\p{L}-]*[\p{L}])['’]s\b")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex PossessiveEnding();

    [GeneratedRegex("^(Al|El|al|el|bin|bint|van|de|da)$")]
    private static partial Regex Connector();
}
