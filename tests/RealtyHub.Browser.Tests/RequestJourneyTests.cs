using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtyHub.Grains;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>
/// An AI request as the agent and the expert live it, in two browsers: the agent asks, the expert is offered it live,
/// accepts, edits the draft and delivers; the agent watches every step arrive without a reload, downloads and rates.
/// Every test has a brokerage of its own with one agent and one expert, so the offer can only go to that expert.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class RequestJourneyTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Agent_asks_expert_is_offered_it_live_edits_and_delivers_and_the_agent_sees_every_step_live_then_rates()
    {
        var brokerage = await CreateBrokerageAsync(expertAvailable: false);

        // The expert opens the workbench first and becomes available there: the offer must arrive on an open page.
        await using var expert = await chromium.NewSessionAsync(hub.BaseAddress, output, "expert");
        await expert.SignInAsync(brokerage.ExpertEmail, HubWebFixture.Password);
        await expert.Page.Locator("[data-nav=experts]").ClickAsync();
        var availability = expert.Page.GetByTestId("availability");
        await Expect(availability).ToHaveAttributeAsync("data-available", "false");
        await availability.ClickAsync();
        await Expect(availability).ToHaveAttributeAsync("data-available", "true");
        await Expect(expert.Page.GetByTestId("offers-empty")).ToBeVisibleAsync();
        await MarkPageAsync(expert.Page);

        // The agent asks in plain words.
        await using var agent = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agent.SignInAsync(brokerage.AgentEmail, HubWebFixture.Password);
        await agent.Page.Locator("[data-nav=requests]").ClickAsync();
        await Expect(agent.Page.GetByTestId("request-list-empty")).ToBeVisibleAsync();
        await Field(agent.Page, "ask-text").FillAsync("Write a market report for Dubai Marina 2-bed apartments");
        await agent.Page.GetByTestId("priority-High").ClickAsync();
        await agent.Page.GetByTestId("ask-submit").ClickAsync();

        await Expect(agent.Page).ToHaveURLAsync(new Regex("/requests/[0-9a-f]{16}$"));
        var requestId = agent.Page.Url[(agent.Page.Url.LastIndexOf('/') + 1)..];
        await Expect(agent.Page.GetByTestId($"request-row-{requestId}")).ToBeVisibleAsync();
        await Expect(Field(agent.Page, "ask-text")).ToHaveValueAsync(string.Empty);
        await MarkPageAsync(agent.Page);
        // AI reads and drafts; with a draft ready the request waits for the expert.
        await Expect(agent.Page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "AwaitingExpert");
        await Expect(Timeline(agent.Page, "Drafting")).ToHaveCountAsync(1);
        await Expect(agent.Page.GetByTestId("request-kind")).ToHaveTextAsync("Market report");

        // The offer reaches the expert's open workbench live, counting down.
        var offer = expert.Page.GetByTestId($"offer-{requestId}");
        await Expect(offer).ToBeVisibleAsync();
        await Expect(offer).ToContainTextAsync("Dubai Marina");
        await Expect(offer).ToContainTextAsync("Ann Agent");
        await Expect(expert.Page.GetByTestId($"offer-countdown-{requestId}")).ToHaveTextAsync(new Regex(@"\d:\d{2}"));
        await AssertNotReloadedAsync(expert.Page);
        await expert.ScreenshotAsync("experts-offer.png");

        await expert.Page.GetByTestId($"accept-{requestId}").ClickAsync();

        await Expect(expert.Page).ToHaveURLAsync(new Regex($"/experts/{requestId}$"));
        await Expect(expert.Page.GetByTestId("workbench")).ToHaveAttributeAsync("data-mode", "editing");
        await Expect(expert.Page.GetByTestId("experts-notice")).ToHaveAttributeAsync("data-kind", "won");
        var editor = expert.Page.GetByTestId("editor");
        await Expect(editor).Not.ToHaveValueAsync(string.Empty);
        await Expect(expert.Page.GetByTestId("context-text")).ToContainTextAsync("market report");

        // The agent's timeline moves to InReview on its own.
        await Expect(agent.Page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "InReview");
        await Expect(Timeline(agent.Page, "InReview")).ToContainTextAsync("Eve Expert");

        // The expert edits in the Markdown editor; the preview follows as they type.
        var draft = await editor.InputValueAsync();
        var edited = draft + "\n\n## Expert's note\n\nReviewed by **Eve**: prices checked against this week's transactions.";
        await editor.FillAsync(edited);
        await Expect(expert.Page.GetByTestId("preview").Locator("h2", new() { HasText = "Expert's note" })).ToBeVisibleAsync();
        await Expect(expert.Page.GetByTestId("preview").Locator("strong", new() { HasText = "Eve" })).ToBeVisibleAsync();
        await expert.Page.GetByTestId("save-draft").ClickAsync();
        await Expect(expert.Page.GetByTestId("workbench-notice")).ToContainTextAsync("Draft saved");
        await FullPageScreenshotAsync(expert.Page, "experts-workbench-editing.png");

        await expert.Page.GetByTestId("deliver").ClickAsync();

        await Expect(expert.Page.GetByTestId("workbench-notice")).ToContainTextAsync("Delivered to Ann Agent");
        await Expect(expert.Page.GetByTestId("workbench-state")).ToHaveAttributeAsync("data-state", "Delivered");

        // Never reloaded: Delivered and the deliverable reach the agent's page over its circuit.
        await Expect(agent.Page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "Delivered");
        Assert.Equal(
            ["Received", "Understanding", "Drafting", "AwaitingExpert", "InReview", "Delivered"],
            await agent.Page.GetByTestId("timeline-event").EvaluateAllAsync<string[]>("events => events.map(e => e.dataset.state)"));
        var deliverable = agent.Page.GetByTestId("deliverable");
        await Expect(deliverable.Locator("h2", new() { HasText = "Expert's note" })).ToBeVisibleAsync();
        await Expect(deliverable).ToContainTextAsync("prices checked against this week's transactions");
        await Expect(agent.Page.GetByTestId($"request-row-{requestId}")).ToHaveAttributeAsync("data-state", "Delivered");
        await AssertNotReloadedAsync(agent.Page);
        await FullPageScreenshotAsync(agent.Page, "requests-delivered.png");

        // The branded file: the brokerage's name, the footer, and the deliverable's text, as a download.
        var download = await agent.Page.RunAndWaitForDownloadAsync(() => agent.Page.GetByTestId("download").ClickAsync());
        Assert.Equal("write-a-market-report-for-dubai-marina-2-bed-apartments.html", download.SuggestedFilename);
        var html = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("<title>Write a market report for Dubai Marina 2-bed apartments · Journey Realty</title>", html, StringComparison.Ordinal);
        Assert.Contains("Prepared by Eve Expert for Ann Agent · Journey Realty · ", html, StringComparison.Ordinal);
        Assert.Contains("--primary: #1A3C5E;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Eve</strong>", html, StringComparison.Ordinal);

        // The agent rates it.
        await agent.Page.GetByTestId("rating-4").ClickAsync();
        await Field(agent.Page, "rating-feedback").FillAsync("Clear and quick, thank you");
        await agent.Page.GetByTestId("rating-submit").ClickAsync();
        await Expect(agent.Page.GetByTestId("rated")).ToHaveAttributeAsync("data-rating", "4");
        await Expect(agent.Page.GetByTestId("rated-feedback")).ToContainTextAsync("Clear and quick");
        var stored = await hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId)).GetAsync();
        Assert.Equal((RequestState.Delivered, 4, RequestPriority.High), (stored!.State, stored.Rating, stored.Priority));
        Assert.Equal(edited.Replace("\r\n", "\n", StringComparison.Ordinal), stored.Deliverable!.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        await agent.ScreenshotAsync("requests-rated.png");
    }

    [Fact]
    public async Task Delivering_a_listing_description_with_guaranteed_returns_shows_the_findings_and_needs_an_override_reason()
    {
        var brokerage = await CreateBrokerageAsync(expertAvailable: true);
        await using var expert = await chromium.NewSessionAsync(hub.BaseAddress, output, "expert");
        await expert.SignInAsync(brokerage.ExpertEmail, HubWebFixture.Password);
        await expert.Page.Locator("[data-nav=experts]").ClickAsync();
        await Expect(expert.Page.GetByTestId("availability")).ToHaveAttributeAsync("data-available", "true");

        var requestId = Guid.NewGuid().ToString("N")[..16];
        await hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId))
            .SubmitAsync(new NewRequest(brokerage.AgentId, "Write a listing description for the Marina villa"), "Ann Agent");
        await expert.Page.GetByTestId($"accept-{requestId}").ClickAsync();
        await Expect(expert.Page.GetByTestId("workbench")).ToHaveAttributeAsync("data-mode", "editing");

        const string text = "# Marina villa\n\nA stunning five-bedroom villa on the water, with guaranteed returns of 8% a year.";
        await expert.Page.GetByTestId("editor").FillAsync(text);
        await expert.Page.GetByTestId("deliver").ClickAsync();

        // Refused: the findings show, the request stays with the expert, and an override reason is asked for.
        var blocked = expert.Page.GetByTestId("delivery-blocked");
        await Expect(blocked).ToBeVisibleAsync();
        await Expect(blocked.GetByTestId("compliance-finding")).Not.ToHaveCountAsync(0);
        await Expect(blocked).ToContainTextAsync("guaranteed returns");
        await Expect(expert.Page.GetByTestId("workbench-state")).ToHaveAttributeAsync("data-state", "InReview");
        await FullPageScreenshotAsync(expert.Page, "experts-compliance-blocked.png");

        await Field(expert.Page, "override-reason").FillAsync("Quoted from the developer's approved brochure");
        await Expect(expert.Page.GetByTestId("deliver")).ToHaveTextAsync("Deliver with override");
        await expert.Page.GetByTestId("deliver").ClickAsync();

        await Expect(expert.Page.GetByTestId("workbench-state")).ToHaveAttributeAsync("data-state", "Delivered");
        await Expect(Timeline(expert.Page, "Delivered")).ToContainTextAsync("compliance override: Quoted from the developer's approved brochure");
        await Expect(expert.Page.GetByTestId("delivered")).ToContainTextAsync("guaranteed returns");
        await expert.ScreenshotAsync("experts-delivered-with-override.png");
    }

    [Fact]
    public async Task Agent_answers_the_question_ai_asks_and_the_request_goes_on_to_the_experts_live()
    {
        var brokerage = await CreateBrokerageAsync(expertAvailable: false);
        await using var agent = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agent.SignInAsync(brokerage.AgentEmail, HubWebFixture.Password);
        await agent.Page.Locator("[data-nav=requests]").ClickAsync();

        // No property or area named: AI asks before drafting.
        await Field(agent.Page, "ask-text").FillAsync("Prepare a CMA");
        await agent.Page.GetByTestId("ask-submit").ClickAsync();
        await Expect(agent.Page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "NeedsInfo");
        await Expect(agent.Page.GetByTestId("request-question")).Not.ToBeEmptyAsync();
        await MarkPageAsync(agent.Page);
        await agent.ScreenshotAsync("requests-needs-info.png");

        await Field(agent.Page, "answer-text").FillAsync("The 3-bed villa in Arabian Ranches");
        await agent.Page.GetByTestId("answer-submit").ClickAsync();

        await Expect(agent.Page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "AwaitingExpert");
        await Expect(agent.Page.GetByTestId("needs-info")).ToHaveCountAsync(0);
        await Expect(Timeline(agent.Page, "NeedsInfo")).ToHaveCountAsync(1);
        // The answer is the note of the step it resumed.
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("The 3-bed villa in Arabian Ranches");
        await Expect(agent.Page.GetByTestId("request-kind")).ToHaveTextAsync("Market report");
        await AssertNotReloadedAsync(agent.Page);
    }

    [Fact]
    public async Task Supervisor_watches_the_queue_read_only_and_reclaims_a_request_an_expert_holds()
    {
        var brokerage = await CreateBrokerageAsync(expertAvailable: true);
        var requestId = Guid.NewGuid().ToString("N")[..16];
        var request = hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId));
        await request.SubmitAsync(new NewRequest(brokerage.AgentId, "Write a social post about the JVC open house"), "Ann Agent");
        await Eventually.GetAsync(() => request.GetAsync(), v => v?.State == RequestState.AwaitingExpert, ChromiumFixture.Patience, "the request to wait for an expert");
        Assert.Equal(ClaimResult.Won, await hub.Grains.GetGrain<IDispatchGrain>(brokerage.Id).AcceptAsync(requestId, brokerage.ExpertId));

        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(brokerage.SupervisorEmail, HubWebFixture.Password);
        await supervisor.Page.Locator("[data-nav=experts]").ClickAsync();
        var page = supervisor.Page;
        await Expect(page.GetByTestId("experts-readonly")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("availability")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"expert-{brokerage.ExpertId}")).ToHaveAttributeAsync("data-available", "true");
        var claim = page.GetByTestId($"claim-row-{requestId}");
        await Expect(claim).ToContainTextAsync("with Eve Expert");
        await Expect(claim).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync("experts-supervisor.png");

        await page.GetByTestId($"reclaim-{requestId}").ClickAsync();

        await Expect(page.GetByTestId("experts-notice")).ToHaveAttributeAsync("data-kind", "reclaimed");
        await Expect(claim).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"queue-{requestId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"claim-{requestId}")).ToHaveCountAsync(0);

        // On the Requests page the supervisor reads the request (no Ask panel) and sees who took it back.
        await page.Locator("[data-nav=requests]").ClickAsync();
        await page.GetByTestId($"request-row-{requestId}").ClickAsync();
        await Expect(page.GetByTestId("ask-panel")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "AwaitingExpert");
        await Expect(Timeline(page, "AwaitingExpert").Last).ToContainTextAsync("Sami Supervisor");
        await Expect(page.GetByTestId("cancel")).ToHaveCountAsync(0);
    }

    private static ILocator Timeline(IPage page, string state) => page.Locator($"[data-testid=timeline-event][data-state={state}]");

    /// <summary>The input of a MudBlazor text field, whichever element carries the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]").First;

    /// <summary>The whole page, not just the viewport, next to the other screenshots.</summary>
    private async Task FullPageScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        var path = Path.Combine(BrowserSession.ScreenshotFolder, fileName);
        // From the top: the app bar is fixed and would otherwise be drawn over the middle of a scrolled page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Leaves a mark in the page's window; a reload (a new document) would lose it.</summary>
    private static async Task MarkPageAsync(IPage page) => await page.EvaluateAsync("() => { window.journeyMark = 'still-here'; }");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.Equal("still-here", await page.EvaluateAsync<string?>("() => window.journeyMark ?? null"));

    /// <summary>A brokerage of its own (branded) with one agent, Ann, one expert, Eve, skilled in every kind, and a supervisor, Sami.</summary>
    private async Task<TestBrokerage> CreateBrokerageAsync(bool expertAvailable)
    {
        var id = $"ask-{Guid.NewGuid():N}"[..20];
        await using var scope = hub.App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(id, new BrokerageProfile("Journey Realty", "Dubai", "Asia/Dubai", [], TimeSpan.FromMinutes(5))
        {
            Branding = new BrokerageBranding("#1A3C5E", "#E0A526"),
        });
        var agentEmail = $"ann@{id}.test";
        var agent = await provisioner.AddMemberAsync(id, new NewMember(agentEmail, "Ann Agent", HubRoles.Agent, HubWebFixture.Password,
            BrokerageProvisioner.AgentProfileFor("Ann Agent", agentEmail, 5, "Dubai Marina")));
        var expertEmail = $"eve@{id}.test";
        var expert = await provisioner.AddMemberAsync(id, new NewMember(expertEmail, "Eve Expert", HubRoles.Expert, HubWebFixture.Password,
            Expert: BrokerageProvisioner.ExpertProfileFor("Eve Expert", expertEmail)));
        var supervisorEmail = $"sami@{id}.test";
        await provisioner.AddMemberAsync(id, new NewMember(supervisorEmail, "Sami Supervisor", HubRoles.Supervisor, HubWebFixture.Password));
        if (expertAvailable)
        {
            await hub.Grains.GetGrain<IExpertGrain>(GrainKeys.For(id, expert.Id)).SetAvailabilityAsync(true);
        }

        return new TestBrokerage(id, agentEmail, agent.Id, expertEmail, expert.Id, supervisorEmail);
    }

    private sealed record TestBrokerage(string Id, string AgentEmail, string AgentId, string ExpertEmail, string ExpertId, string SupervisorEmail);
}
