using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Web.Services;

/// <summary>
/// Body of <c>PUT .../compliance-rules/{ruleId}</c>: <c>type</c> is <c>required-pattern</c> (a .NET regular expression
/// the text must contain) or <c>forbidden-phrase</c> (plain words it must not contain); <c>appliesTo</c> names request
/// kinds (empty or absent: every kind); <c>enabled</c> defaults to true. Strings rather than enums, so a wrong value gets
/// a validation problem naming the valid ones.
/// </summary>
public sealed record ComplianceRuleUpdate(string? Type, string? Pattern, IReadOnlyList<string>? AppliesTo, string? Message, bool? Enabled = null)
{
    public const int MaxMessageLength = 500;

    /// <summary>What is wrong with the rule, by field; empty when it can be saved.</summary>
    public Dictionary<string, string[]> Problems(string? ruleId)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ComplianceService.IsValidRuleId(ruleId))
        {
            problems["ruleId"] = ["The rule id must be 1-64 lower-case letters, digits or dashes, e.g. 'no-guaranteed-returns'."];
        }

        if (ComplianceRuleEngine.Problem(Type?.Trim(), Pattern?.Trim()) is { } pattern)
        {
            problems[ComplianceRuleTypes.All.Contains(Type?.Trim()) ? "pattern" : "type"] = [pattern];
        }

        if (string.IsNullOrWhiteSpace(Message) || Message.Trim().Length > MaxMessageLength)
        {
            problems["message"] = [$"Say in 1-{MaxMessageLength} characters what is wrong and how to fix it; the expert sees this."];
        }

        var unknown = (AppliesTo ?? []).Where(name => Kind(name) is null).ToList();
        if (unknown.Count > 0)
        {
            problems["appliesTo"] = [$"Unknown request kind(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use: {string.Join(", ", Enum.GetNames<RequestKind>())}."];
        }

        return problems;
    }

    /// <summary>The rule as stored; call only when <see cref="Problems"/> is empty.</summary>
    public ComplianceRule ToRule(string ruleId, string updatedBy) => new(
        ruleId,
        Type!.Trim(),
        Pattern!.Trim(),
        [.. (AppliesTo ?? []).Select(name => Kind(name)!.Value).Distinct().Order()],
        Message!.Trim(),
        Enabled ?? true,
        updatedBy);

    // Names only: Enum.TryParse would also take "3" or "SocialPost, MarketReport".
    private static RequestKind? Kind(string? name) =>
        Enum.GetNames<RequestKind>().FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<RequestKind>(found)
            : null;
}
