namespace RealtyHub.Grains.Data;

/// <summary>The kinds of compliance rule (the <c>rule_type</c> column's allowed values).</summary>
public static class ComplianceRuleTypes
{
    /// <summary>The text must match the rule's regular expression (e.g. an advert must carry a permit number).</summary>
    public const string RequiredPattern = "required-pattern";

    /// <summary>The text must not contain the rule's phrase (e.g. "guaranteed returns").</summary>
    public const string ForbiddenPhrase = "forbidden-phrase";

    public static readonly IReadOnlyList<string> All = [RequiredPattern, ForbiddenPhrase];
}
