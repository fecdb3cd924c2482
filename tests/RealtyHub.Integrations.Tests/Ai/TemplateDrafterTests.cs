using System.Globalization;
using System.Text.RegularExpressions;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>The template drafter: labelled, built from the hub's data only, gaps shown, no figure it was not given.</summary>
public sealed partial class TemplateDrafterTests
{
    private static readonly DubaiClock Clock = DubaiClock.MondayMorning();
    private readonly TemplateDrafter drafter = new(Clock);

    public static TheoryData<RequestKind, string> Kinds => new()
    {
        { RequestKind.MarketReport, "## Comparative market analysis" },
        { RequestKind.ListingDescription, "## Listing description" },
        { RequestKind.SocialPost, "## Social post" },
        { RequestKind.FollowUpMessage, "## Follow-up message to Sara Al Mansoori" },
        { RequestKind.DocumentCheck, "## Document and compliance check" },
        { RequestKind.KnowledgeAnswer, "## Answer from the brokerage's knowledge base" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_is_labelled_as_a_template_and_built_from_the_hubs_data(RequestKind kind, string heading)
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(kind, "Help with Sara please", new RequestEntities(ClientName: "Sara")));

        Assert.StartsWith("> **Template draft — no AI model is configured; an expert completes it.**", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains(heading, draft.Markdown, StringComparison.Ordinal);
        Assert.Equal("template", draft.ProducedBy);
        Assert.Equal(Clock.GetUtcNow(), draft.At);
        Assert.Contains("> Help with Sara please", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Client:** Sara Al Mansoori (lead stage: Viewing)", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Client's budget:** AED 2,500,000", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("> Could we see it on Saturday?", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Yes it is!", draft.Markdown, StringComparison.Ordinal);   // the agent's own words are not "from the client"
        Assert.Contains("[1]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("[2] Dubai Marina area guide", draft.Markdown, StringComparison.Ordinal);
        Assert.Equal<Citation>(
            [new Citation("doc-rera", "RERA advertising rules", DraftInputs.Knowledge[0].Snippet), new Citation("doc-marina", "Dubai Marina area guide", DraftInputs.Knowledge[1].Snippet)],
            draft.Citations);
        AssertNoInventedFigures(draft.Markdown, DraftInputs.For(kind, "Help with Sara please"));
    }

    [Fact]
    public async Task A_market_report_without_data_shows_its_gaps_and_no_numbers()
    {
        var input = DraftInputs.For(RequestKind.MarketReport, "Prepare a market report", withData: false);

        var draft = await drafter.DraftAsync(input);

        Assert.Contains("## Comparative market analysis — [to complete: property or area]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("| [to complete: comparable sale] | | | | |", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("[to complete: a range supported by the comparables above]", draft.Markdown, StringComparison.Ordinal);
        Assert.Empty(draft.Citations);
        Assert.DoesNotContain("### Sources", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(Digits(), draft.Markdown);
    }

    [Fact]
    public async Task A_market_report_names_the_property_area_and_the_price_the_request_gave()
    {
        var entities = new RequestEntities(Property: "Marina villa", Area: "Dubai Marina", Price: 3_200_000m, Deadline: new DateOnly(2026, 3, 6));

        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.MarketReport, "CMA for the Marina villa by Friday, 3.2M", entities));

        Assert.Contains("## Comparative market analysis — Marina villa, Dubai Marina", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Deadline:** Friday 6 March 2026", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("(the request mentions AED 3,200,000)", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("- \"Marina villas are rare; most stock is apartments in towers.\" [2]", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_leaves_the_permit_number_and_price_to_the_expert()
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.ListingDescription, "Listing for unit 1203", new RequestEntities(Property: "unit 1203"), withData: false));

        Assert.Contains("unit 1203 in [to complete: area]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Price: [to complete: asking price]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("RERA permit (Trakheesi) number: [to complete: permit number, required on every advert]", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_greets_the_client_and_answers_their_last_message()
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.FollowUpMessage, "Draft a follow-up for Sara", new RequestEntities(ClientName: "Sara")));

        Assert.Contains("Hi Sara,", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("This is Omar Farouk from Marina Realty Dubai.", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Thank you for your message (\"Could we see it on Saturday?\").", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("I have noted your interest in Dubai Marina with a budget of around AED 2,500,000.", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("[to complete: the update or next step", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_with_no_known_client_leaves_the_name_to_complete()
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.FollowUpMessage, "Draft a follow-up", withData: false));

        Assert.Contains("## Follow-up message to [to complete: client]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Hi [to complete: client's name],", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_check_lists_the_brokerages_rules_as_cited_checks()
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.DocumentCheck, "Check the ad for unit 1203"));

        Assert.Contains("- [ ] Every advert must show the Trakheesi permit number and the broker's ORN. [1]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] [to complete: the expert's findings]", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_with_no_matching_passage_says_so()
    {
        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.KnowledgeAnswer, "What is our commission split?", withData: false));

        Assert.Contains("[to complete: no passage in the brokerage's knowledge base matched; the expert answers]", draft.Markdown, StringComparison.Ordinal);
        Assert.Empty(draft.Citations);
    }

    [Fact]
    public async Task The_agents_answers_to_questions_are_included()
    {
        var input = DraftInputs.For(RequestKind.MarketReport, "Prepare a market report", withData: false) with { AgentAnswers = ["The villa in Dubai Hills"] };

        var draft = await drafter.DraftAsync(input);

        Assert.Contains("### The agent's answers\n\n- The villa in Dubai Hills", draft.Markdown, StringComparison.Ordinal);
    }

    /// <summary>Every number in the draft must come from the input: the data as the drafter formats it, or a citation index.</summary>
    private static void AssertNoInventedFigures(string markdown, DraftInput input)
    {
        var sources = string.Join(
            "\n",
            [
                input.RequestText,
                input.Lead!.Details.BudgetAed!.Value.ToString("#,0", CultureInfo.InvariantCulture),
                .. input.ConversationExcerpt.Select(m => $"{m.Body} {m.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"),
                .. input.Knowledge.Select(k => $"{k.Title} {k.Snippet}"),
                .. Enumerable.Range(1, input.Knowledge.Count).Select(n => $"[{n}]"),
            ]);
        foreach (Match number in Digits().Matches(markdown))
        {
            Assert.Contains(number.Value, sources, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Digits();
}
