using RealtyHub.Grains.Requests;

namespace RealtyHub.Grains.Data;

/// <summary>
/// One compliance rule of a brokerage. <see cref="RuleType"/> is one of <see cref="ComplianceRuleTypes"/>: a
/// required pattern is a .NET regular expression the text must contain (case-insensitive); a forbidden phrase is
/// plain text that must not occur (case-insensitive, whole words). <see cref="AppliesTo"/> empty means every kind.
/// </summary>
public sealed record ComplianceRule(
    string RuleId,
    string RuleType,
    string Pattern,
    IReadOnlyList<RequestKind> AppliesTo,
    string Message,
    bool Enabled = true,
    string UpdatedBy = "system",
    DateTimeOffset UpdatedAt = default)
{
    public bool AppliesToKind(RequestKind kind) => AppliesTo.Count == 0 || AppliesTo.Contains(kind);
}
