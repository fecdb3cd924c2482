using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Cluster.Tests.Compliance;

/// <summary>The compliance rule logic on its own: the default rules, phrase matching, kinds, and bad patterns that must never throw.</summary>
public sealed class ComplianceCheckerTests
{
    [Theory]
    [InlineData("RERA Permit No: 7123456789")]
    [InlineData("Trakheesi permit 654321")]
    [InlineData("Permit #1234567")]
    [InlineData("rera: 123456")]
    [InlineData("DLD/RERA permit number - 12345678")]
    [InlineData("Call us today.\nTrakheesi Permit Nr. 99887766")]
    public void The_permit_number_rule_accepts_a_permit_number(string text)
    {
        var findings = ComplianceRuleEngine.Check(ComplianceDefaults.Rules, RequestKind.ListingDescription, $"Sea-view apartment. {text}");

        Assert.DoesNotContain(findings, f => f.RuleId == "rera-permit-number");
    }

    [Theory]
    [InlineData("Sea-view apartment, call 0501234567.")]
    [InlineData("RERA ORN 12345")]
    [InlineData("RERA registered broker, call 0501234567")]
    [InlineData("Permitted use: residential. Plot 1234567")]
    [InlineData("")]
    public void The_permit_number_rule_reports_an_advert_without_one(string text)
    {
        var findings = ComplianceRuleEngine.Check(ComplianceDefaults.Rules, RequestKind.SocialPost, text);

        var finding = Assert.Single(findings);
        Assert.Equal("rera-permit-number", finding.RuleId);
        Assert.Null(finding.Excerpt);
    }

    [Theory]
    [InlineData(RequestKind.MarketReport)]
    [InlineData(RequestKind.FollowUpMessage)]
    [InlineData(RequestKind.DocumentCheck)]
    [InlineData(RequestKind.KnowledgeAnswer)]
    public void The_permit_number_rule_applies_only_to_adverts(RequestKind kind)
    {
        Assert.Empty(ComplianceRuleEngine.Check(ComplianceDefaults.Rules, kind, "Happy to show you the villa on Saturday."));
    }

    [Theory]
    [InlineData("These are GUARANTEED RETURNS.", "no-guaranteed-returns")]
    [InlineData("A risk free investment.", "no-risk-free-investment")]
    [InlineData("A risk‑free investment (non-breaking hyphen).", "no-risk-free-investment")]
    [InlineData("Rent is 100% guaranteed by the developer.", "no-100-percent-guaranteed")]
    [InlineData("There is no-risk here.", "no-risk")]
    [InlineData("There is no\nrisk here.", "no-risk")]
    public void Forbidden_phrases_match_whatever_the_case_and_separators(string text, string ruleId)
    {
        var finding = Assert.Single(ComplianceRuleEngine.Check(ComplianceDefaults.Rules, RequestKind.FollowUpMessage, text));

        Assert.Equal(ruleId, finding.RuleId);
    }

    [Theory]
    [InlineData("We guaranteed returning clients a discount.")]
    [InlineData("There is no risky clause.")]
    [InlineData("Casino risk? No, risk-averse buyers like it.")]
    public void Forbidden_phrases_match_whole_words_only(string text)
    {
        Assert.Empty(ComplianceRuleEngine.Check(ComplianceDefaults.Rules, RequestKind.FollowUpMessage, text));
    }

    [Fact]
    public void Each_occurrence_is_a_finding_with_its_surroundings_as_the_excerpt()
    {
        var text = "Our Marina tower offers guaranteed returns for five years. " + new string('x', 80) + " Again: guaranteed returns.";

        var findings = ComplianceRuleEngine.Check(ComplianceDefaults.Rules, RequestKind.FollowUpMessage, text);

        Assert.Equal(2, findings.Count);
        Assert.Equal("Our Marina tower offers guaranteed returns for five years. " + new string('x', 23) + "…", findings[0].Excerpt);
        Assert.Equal("…" + new string('x', 32) + " Again: guaranteed returns.", findings[1].Excerpt);
    }

    [Fact]
    public void Arabic_phrases_are_matched_as_whole_words()
    {
        ComplianceRule[] rules = [new("no-guarantee-ar", ComplianceRuleTypes.ForbiddenPhrase, "عائد مضمون", [], "لا تعد بعائد مضمون.")];

        var found = ComplianceRuleEngine.Check(rules, RequestKind.SocialPost, "استثمار مع عائد مضمون سنوياً");
        var inLongerWord = ComplianceRuleEngine.Check(rules, RequestKind.SocialPost, "عائد مضمونة");

        Assert.Equal("استثمار مع عائد مضمون سنوياً", Assert.Single(found).Excerpt);
        Assert.Empty(inLongerWord);
    }

    [Fact]
    public void Disabled_rules_and_rules_for_other_kinds_are_skipped()
    {
        ComplianceRule[] rules =
        [
            new("off", ComplianceRuleTypes.ForbiddenPhrase, "hot deal", [], "Off.", Enabled: false),
            new("listing-only", ComplianceRuleTypes.ForbiddenPhrase, "hot deal", [RequestKind.ListingDescription], "Listings only."),
            new("all", ComplianceRuleTypes.ForbiddenPhrase, "hot deal", [], "Everywhere."),
        ];

        var findings = ComplianceRuleEngine.Check(rules, RequestKind.SocialPost, "A hot deal!");

        Assert.Equal("all", Assert.Single(findings).RuleId);
    }

    [Fact]
    public void A_stored_pattern_that_is_invalid_or_too_slow_is_reported_not_thrown()
    {
        ComplianceRule[] rules =
        [
            new("broken", ComplianceRuleTypes.RequiredPattern, "RERA (\\d+", [], "Permit needed."),
            new("slow", ComplianceRuleTypes.RequiredPattern, "^(a+)+$", [], "Slow rule."),
            new("unknown", "regex", "x", [], "Unknown type."),
        ];

        var findings = ComplianceRuleEngine.Check(rules, RequestKind.SocialPost, new string('a', 5_000) + "!");

        Assert.Equal(["broken", "slow", "unknown"], findings.Select(f => f.RuleId));
        Assert.Contains("pattern is invalid", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("took too long", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("pattern is invalid", findings[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ComplianceRuleTypes.RequiredPattern, ComplianceDefaults.PermitNumberPattern, null)]
    [InlineData(ComplianceRuleTypes.ForbiddenPhrase, "guaranteed returns", null)]
    [InlineData(ComplianceRuleTypes.RequiredPattern, "RERA (\\d+", "not a valid regular expression")]
    [InlineData(ComplianceRuleTypes.RequiredPattern, "(a+)+$", "too slow")]
    [InlineData(ComplianceRuleTypes.RequiredPattern, "(\\w+\\s?)+$", "too slow")]
    [InlineData(ComplianceRuleTypes.RequiredPattern, "a?", "matches an empty text")]
    [InlineData(ComplianceRuleTypes.ForbiddenPhrase, "  ", "empty")]
    [InlineData("regex", "x", "must be one of")]
    public void Patterns_are_validated_before_they_are_saved(string type, string pattern, string? problem)
    {
        var found = ComplianceRuleEngine.Problem(type, pattern);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused()
    {
        Assert.Contains("at most 500", ComplianceRuleEngine.Problem(ComplianceRuleTypes.ForbiddenPhrase, new string('a', 501)), StringComparison.Ordinal);
    }
}
