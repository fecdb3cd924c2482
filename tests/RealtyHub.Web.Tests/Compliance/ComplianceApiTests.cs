using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tests.Compliance;

/// <summary>Compliance rules through the API: the defaults, checks, owner-only edits with audit, validation, tenant separation.</summary>
[Collection(HubCollection.Name)]
public sealed class ComplianceApiTests(HubWebFixture hub)
{
    private static readonly string[] SocialPostOnly = ["SocialPost"];
    private static readonly string[] SocialPostInLowerCase = ["socialpost"];
    private static readonly string[] UnknownKind = ["Flyer"];

    private const string Advert = "Stunning 2-bedroom in Dubai Marina with full marina views, walking distance to the tram.";

    [Fact]
    public async Task A_listing_without_a_permit_number_is_a_finding_but_a_follow_up_message_is_not()
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;

        var listing = await CheckAsync(owner, brokerageId, "ListingDescription", Advert);
        var social = await CheckAsync(owner, brokerageId, "SocialPost", Advert);
        var followUp = await CheckAsync(owner, brokerageId, "FollowUpMessage", Advert);
        var withPermit = await CheckAsync(owner, brokerageId, "ListingDescription", Advert + " RERA Permit No: 7123456789");

        Assert.Equal("rera-permit-number", Assert.Single(listing).RuleId);
        Assert.Null(listing[0].Excerpt);
        Assert.Equal("rera-permit-number", Assert.Single(social).RuleId);
        Assert.Empty(followUp);
        Assert.Empty(withPermit);
    }

    [Fact]
    public async Task Each_forbidden_phrase_is_reported_where_it_occurs()
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;
        var text = "Trakheesi permit 654321. Guaranteed returns of 8% a year, a risk-free investment. Really: guaranteed  returns!";

        var findings = await CheckAsync(owner, brokerageId, "SocialPost", text);

        Assert.Equal(["no-guaranteed-returns", "no-guaranteed-returns", "no-risk-free-investment"], findings.Select(f => f.RuleId).Order());
        Assert.Contains(findings, f => f.Excerpt!.Contains("Guaranteed returns of 8%", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Excerpt!.Contains("guaranteed returns!", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "no-risk-free-investment" && f.Excerpt!.Contains("a risk-free investment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_brokerage_lists_the_default_rules_and_the_demo_has_them_stored()
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;
        await using var agentA = await hub.SignInAsync(HubWebFixture.AgentA);

        var fresh = (await owner.Http.GetFromJsonAsync<ComplianceRule[]>(RulesPath(brokerageId), TestJson.Options))!;
        var demo = (await agentA.Http.GetFromJsonAsync<ComplianceRule[]>(RulesPath(HubWebFixture.BrokerageA), TestJson.Options))!;

        Assert.Equal(ComplianceDefaults.Rules.Select(r => r.RuleId).Order(), fresh.Select(r => r.RuleId).Order());
        var permit = fresh.Single(r => r.RuleId == "rera-permit-number");
        Assert.Equal((ComplianceRuleTypes.RequiredPattern, ComplianceDefaults.PermitNumberPattern), (permit.RuleType, permit.Pattern));
        Assert.Equal([RequestKind.ListingDescription, RequestKind.SocialPost], permit.AppliesTo);
        Assert.All(ComplianceDefaults.Rules, d => Assert.Contains(demo, r => r.RuleId == d.RuleId && r.UpdatedAt != default));
    }

    [Fact]
    public async Task The_owner_adds_edits_disables_and_deletes_rules_and_every_change_is_audited()
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;
        const string Text = "Book now for the sunset special, RERA permit 1234567.";

        var added = await owner.Http.PutAsJsonAsync($"{RulesPath(brokerageId)}/no-sunset-special",
            new { type = "forbidden-phrase", pattern = "Sunset Special", appliesTo = SocialPostInLowerCase, message = "Old campaign name." });
        var flagged = await CheckAsync(owner, brokerageId, "SocialPost", Text);
        var otherKind = await CheckAsync(owner, brokerageId, "ListingDescription", Text);
        await owner.Http.PutAsJsonAsync($"{RulesPath(brokerageId)}/no-sunset-special",
            new { type = "forbidden-phrase", pattern = "sunset special", appliesTo = SocialPostOnly, message = "Old campaign name.", enabled = false });
        var disabled = await CheckAsync(owner, brokerageId, "SocialPost", Text);
        var deleted = await owner.Http.DeleteAsync($"{RulesPath(brokerageId)}/no-sunset-special");
        var rules = (await owner.Http.GetFromJsonAsync<ComplianceRule[]>(RulesPath(brokerageId), TestJson.Options))!;

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var rule = (await added.Content.ReadFromJsonAsync<ComplianceRule>(TestJson.Options))!;
        Assert.Equal([RequestKind.SocialPost], rule.AppliesTo);
        Assert.True(rule.Enabled);
        Assert.Equal(new ComplianceFinding("no-sunset-special", "Old campaign name.", "Book now for the sunset special, RERA permit 1234567."), Assert.Single(flagged));
        Assert.Empty(otherKind);
        Assert.Empty(disabled);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        // The first change stored the defaults next to the new rule; deleting it leaves exactly the defaults.
        Assert.Equal(ComplianceDefaults.Rules.Select(r => r.RuleId).Order(), rules.Select(r => r.RuleId).Order());
        Assert.All(rules, r => Assert.NotEqual(default, r.UpdatedAt));
        var audit = (await hub.App.Services.GetRequiredService<IAuditLog>().ListAsync(brokerageId, 20))
            .Where(e => e.Action.StartsWith("compliance.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["compliance.rule-delete", "compliance.rule-save", "compliance.rule-save"], audit.Select(e => e.Action));
        Assert.Equal("forbidden-phrase \"sunset special\" applies-to=SocialPost enabled=False", audit[1].Details);
    }

    [Theory]
    [InlineData("required-pattern", "RERA (\\d+", "pattern", "not a valid regular expression")]
    [InlineData("required-pattern", "(a+)+$", "pattern", "too slow")]
    [InlineData("required-pattern", "x*", "pattern", "matches an empty text")]
    [InlineData("forbidden-phrase", " - ", "pattern", "at least one word")]
    [InlineData("regex", "RERA", "type", "must be one of")]
    public async Task A_bad_rule_is_refused_with_the_reason(string type, string pattern, string field, string reason)
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;

        var response = await owner.Http.PutAsJsonAsync($"{RulesPath(brokerageId)}/bad-rule", new { type, pattern, message = "Bad." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ProblemAsync(response, field), StringComparison.Ordinal);
        Assert.DoesNotContain(await owner.Http.GetFromJsonAsync<ComplianceRule[]>(RulesPath(brokerageId), TestJson.Options) ?? [], r => r.RuleId == "bad-rule");
    }

    [Fact]
    public async Task Bad_ids_kinds_and_messages_are_refused_with_the_reasons()
    {
        var (brokerageId, owner) = await NewBrokerageAsync();
        await using var _ = owner;

        var rule = await owner.Http.PutAsJsonAsync($"{RulesPath(brokerageId)}/Bad_Id",
            new { type = "forbidden-phrase", pattern = "hot deal", appliesTo = UnknownKind, message = " " });
        var check = await owner.Http.PostAsJsonAsync(CheckPath(brokerageId), new { kind = "Flyer", text = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.Contains("lower-case", await ProblemAsync(rule, "ruleId"), StringComparison.Ordinal);
        Assert.Contains("'Flyer'", await ProblemAsync(rule, "appliesTo"), StringComparison.Ordinal);
        Assert.Contains("the expert sees this", await ProblemAsync(rule, "message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.Contains("ListingDescription", await ProblemAsync(check, "kind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_belong_to_one_brokerage()
    {
        var (first, ownerOfFirst) = await NewBrokerageAsync();
        var (second, ownerOfSecond) = await NewBrokerageAsync();
        await using var _ = ownerOfFirst;
        await using var __ = ownerOfSecond;
        const string Text = "Ask about our golden visa bundle.";

        await ownerOfFirst.Http.PutAsJsonAsync($"{RulesPath(first)}/no-visa-bundle", new { type = "forbidden-phrase", pattern = "golden visa bundle", message = "Not offered." });

        Assert.Single(await CheckAsync(ownerOfFirst, first, "FollowUpMessage", Text));
        Assert.Empty(await CheckAsync(ownerOfSecond, second, "FollowUpMessage", Text));
        Assert.DoesNotContain((await ownerOfSecond.Http.GetFromJsonAsync<ComplianceRule[]>(RulesPath(second), TestJson.Options))!, r => r.RuleId == "no-visa-bundle");
        Assert.Equal(HttpStatusCode.NotFound, (await ownerOfSecond.Http.DeleteAsync($"{RulesPath(first)}/no-visa-bundle")).StatusCode);
    }

    [Theory]
    [InlineData(HubWebFixture.SupervisorA)]
    [InlineData(HubWebFixture.AgentA)]
    public async Task Only_owners_change_rules_but_everyone_reads_and_tests_them(string email)
    {
        await using var caller = await hub.SignInAsync(email);

        var put = await caller.Http.PutAsJsonAsync($"{RulesPath(HubWebFixture.BrokerageA)}/mine", new { type = "forbidden-phrase", pattern = "hot deal", message = "No." });
        var delete = await caller.Http.DeleteAsync($"{RulesPath(HubWebFixture.BrokerageA)}/no-risk");
        var read = await caller.Http.GetAsync(RulesPath(HubWebFixture.BrokerageA));
        var check = await caller.Http.PostAsJsonAsync(CheckPath(HubWebFixture.BrokerageA), new { kind = "FollowUpMessage", text = "There is no risk at all." });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (put.StatusCode, delete.StatusCode));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("no-risk", Assert.Single((await check.Content.ReadFromJsonAsync<ComplianceFinding[]>(TestJson.Options))!).RuleId);
    }

    private static string RulesPath(string brokerageId) => $"api/brokerages/{brokerageId}/compliance-rules";

    private static string CheckPath(string brokerageId) => $"api/brokerages/{brokerageId}/compliance-check";

    /// <summary>A brokerage of this test alone, with its owner signed in: its rules are the defaults until the test changes them.</summary>
    private async Task<(string BrokerageId, HubClient Owner)> NewBrokerageAsync()
    {
        var brokerageId = $"cmp-{Guid.NewGuid():N}"[..20];
        var email = await hub.CreateUserAsync(brokerageId, HubRoles.BrokerageOwner);
        return (brokerageId, await hub.SignInAsync(email));
    }

    private static async Task<ComplianceFinding[]> CheckAsync(HubClient client, string brokerageId, string kind, string text)
    {
        var response = await client.Http.PostAsJsonAsync(CheckPath(brokerageId), new { kind, text });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ComplianceFinding[]>(TestJson.Options))!;
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}
