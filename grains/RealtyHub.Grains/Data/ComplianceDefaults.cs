using RealtyHub.Grains.Requests;

namespace RealtyHub.Grains.Data;

/// <summary>The rules every brokerage starts with (until it stores its own): a permit number on adverts, no promised returns.</summary>
public static class ComplianceDefaults
{
    /// <summary>
    /// "RERA", "Trakheesi" or "Permit" followed, after only separators (space : # . -) and the words permit, number,
    /// no, nr, by a number of at least 6 digits: matches "RERA Permit No: 7123456789", "Trakheesi permit 654321",
    /// "Permit #1234567"; not "RERA ORN 12345" (too short) nor "RERA registered, call 0501234567" (other words between).
    /// </summary>
    public const string PermitNumberPattern = @"\b(?:RERA|Trakheesi|Permit)(?:[\s:#.\-]|permit|number|no|nr)*\d{6,}";

    public static readonly IReadOnlyList<ComplianceRule> Rules =
    [
        new("rera-permit-number", ComplianceRuleTypes.RequiredPattern, PermitNumberPattern,
            [RequestKind.ListingDescription, RequestKind.SocialPost],
            "A property advert must show its RERA (Trakheesi) permit number, e.g. \"RERA Permit No: 1234567890\"."),
        Forbidden("no-guaranteed-returns", "guaranteed returns"),
        Forbidden("no-risk-free-investment", "risk-free investment"),
        Forbidden("no-100-percent-guaranteed", "100% guaranteed"),
        Forbidden("no-risk", "no risk"),
    ];

    private static ComplianceRule Forbidden(string ruleId, string phrase) =>
        new(ruleId, ComplianceRuleTypes.ForbiddenPhrase, phrase, [],
            $"\"{phrase}\" promises an outcome: brokerage policy forbids promising returns or the absence of risk. Describe the facts instead.");
}
