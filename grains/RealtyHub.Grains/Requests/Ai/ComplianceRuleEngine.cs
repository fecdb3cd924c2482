using System.Text.RegularExpressions;
using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// The rule logic, without storage: validates a rule's pattern and checks a text against rules. Patterns come from
/// brokerage owners, so every regular expression runs with a timeout and nothing here throws on a bad pattern.
/// </summary>
public static class ComplianceRuleEngine
{
    public const int MaxPatternLength = 500;
    public const int MaxFindingsPerRule = 20;

    /// <summary>Long enough for any sane pattern on a long draft; short enough that a runaway one cannot stall a check.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int ExcerptContext = 40;

    // Words of a forbidden phrase may be separated by any whitespace or dash in the text ("risk-free", "risk free").
    private const string Separator = @"[\s\-\u2010-\u2015]+";

    /// <summary>Why a rule of this type cannot have this pattern, or <c>null</c> when it is fine.</summary>
    public static string? Problem(string? ruleType, string? pattern)
    {
        if (!ComplianceRuleTypes.All.Contains(ruleType))
        {
            return $"The type must be one of: {string.Join(", ", ComplianceRuleTypes.All)}.";
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "The pattern is empty.";
        }

        if (pattern.Length > MaxPatternLength)
        {
            return $"The pattern may have at most {MaxPatternLength} characters.";
        }

        if (ruleType == ComplianceRuleTypes.ForbiddenPhrase)
        {
            return Words(pattern).Length == 0 ? "The phrase needs at least one word." : null;
        }

        try
        {
            var regex = new Regex(pattern, Options, MatchTimeout);
            // A pattern that backtracks catastrophically shows itself on a long text with no match at its end.
            regex.IsMatch(new string('a', 5_000) + "!");
            regex.IsMatch(string.Concat(Enumerable.Repeat("1 ", 2_500)) + "!");
            return regex.IsMatch(string.Empty) ? "The pattern matches an empty text, so it would never report anything." : null;
        }
        catch (ArgumentException ex)
        {
            return $"The pattern is not a valid regular expression: {ex.Message}";
        }
        catch (RegexMatchTimeoutException)
        {
            return "The pattern is too slow (it backtracks catastrophically on long texts); simplify it, e.g. avoid nested repetition like (a+)+.";
        }
    }

    /// <summary>Every broken rule among the enabled ones that apply to <paramref name="kind"/>, in rule order.</summary>
    public static IReadOnlyList<ComplianceFinding> Check(IEnumerable<ComplianceRule> rules, RequestKind kind, string? text)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var body = text ?? string.Empty;
        var findings = new List<ComplianceFinding>();
        foreach (var rule in rules.Where(r => r.Enabled && r.AppliesToKind(kind)))
        {
            try
            {
                findings.AddRange(CheckRule(rule, body));
            }
            catch (RegexMatchTimeoutException)
            {
                findings.Add(new(rule.RuleId, $"{rule.Message} (Not checked: the rule's pattern took too long on this text. Check by hand, and ask the owner to simplify the rule.)"));
            }
            catch (ArgumentException)
            {
                findings.Add(new(rule.RuleId, $"{rule.Message} (Not checked: the rule's pattern is invalid. Check by hand, and ask the owner to fix the rule.)"));
            }
        }

        return findings;
    }

    /// <summary>The regular expression a forbidden phrase becomes: its words in order, case-insensitive, not inside longer words.</summary>
    public static string PhrasePattern(string phrase) =>
        @"(?<!\w)" + string.Join(Separator, Words(phrase).Select(Regex.Escape)) + @"(?!\w)";

    private static IEnumerable<ComplianceFinding> CheckRule(ComplianceRule rule, string text)
    {
        if (rule.RuleType == ComplianceRuleTypes.RequiredPattern)
        {
            // The static methods keep recently used patterns parsed (Regex.CacheSize), so a check does not re-parse every rule.
            return Regex.IsMatch(text, rule.Pattern, Options, MatchTimeout) ? [] : [new ComplianceFinding(rule.RuleId, rule.Message)];
        }

        if (rule.RuleType == ComplianceRuleTypes.ForbiddenPhrase && Words(rule.Pattern).Length > 0)
        {
            // Matches are materialised here, inside the caller's try, so a timeout is caught there.
            return [.. Regex.Matches(text, PhrasePattern(rule.Pattern), Options, MatchTimeout)
                .Take(MaxFindingsPerRule)
                .Select(m => new ComplianceFinding(rule.RuleId, rule.Message, Excerpt(text, m.Index, m.Length)))];
        }

        throw new ArgumentException($"Rule {rule.RuleId} has an unknown type or an empty pattern.", nameof(rule));
    }

    private static string[] Words(string phrase) => Regex.Split(phrase.Trim(), Separator).Where(w => w.Length > 0).ToArray();

    /// <summary>The match with some text either side on one line, "…" where it was cut.</summary>
    internal static string Excerpt(string text, int index, int length)
    {
        var start = Math.Max(0, index - ExcerptContext);
        var end = Math.Min(text.Length, index + length + ExcerptContext);
        // Never cut a surrogate pair (emoji) in half.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var middle = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (start > 0 ? "…" : string.Empty) + middle + (end < text.Length ? "…" : string.Empty);
    }
}
