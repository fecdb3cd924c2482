using RealtyHub.Grains;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Tests.WhatsApp;

namespace RealtyHub.Web.Tests.Requests;

/// <summary>An agent's request from the Ask to delivery, and every side exit of the state machine, over the whole stack.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class RequestJourneyTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task An_agent_asks_an_expert_is_offered_it_live_accepts_edits_and_delivers_and_the_agent_sees_every_step()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var expertId = await hub.AddExpertAsync(brokerage, "eve");
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        await using var expert = await hub.SignInAsync($"eve@{brokerage.Id}.test");
        var agentEvents = new ConcurrentQueue<RequestView>();
        var offers = new ConcurrentQueue<(ExpertOffer Offer, OfferChange Change)>();
        var agentConnection = await agent.ConnectAsync();
        agentConnection.On<RequestView>(nameof(IConsoleClient.RequestChanged), agentEvents.Enqueue);
        var expertConnection = await expert.ConnectAsync();
        expertConnection.On<ExpertOffer, OfferChange>(nameof(IConsoleClient.OfferChanged), (o, c) => offers.Enqueue((o, c)));

        var created = await agent.Http.PostAsJsonAsync($"api/brokerages/{brokerage.Id}/requests", new { text = "Write a market report for Dubai Marina 2-bed apartments" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = (await created.Content.ReadFromJsonAsync<RequestView>(TestJson.Options))!;

        var offer = await Eventually.GetAsync(() => Task.FromResult(offers.FirstOrDefault()), o => o.Offer is not null, TimeSpan.FromSeconds(15), "the offer to reach the expert");
        Assert.Equal((request.RequestId, expertId, OfferChange.Made), (offer.Offer.RequestId, offer.Offer.ExpertId, offer.Change));

        var accept = await expert.Http.PostAsync(new Uri($"api/brokerages/{brokerage.Id}/requests/{request.RequestId}/accept", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var inReview = await WaitForAsync(brokerage, request.RequestId, RequestState.InReview);
        Assert.NotNull(inReview.Draft);

        var edited = inReview.Draft!.Markdown + "\n\nReviewed and completed by Eve.";
        Assert.Equal(HttpStatusCode.OK, (await expert.Http.PutAsJsonAsync($"api/brokerages/{brokerage.Id}/requests/{request.RequestId}/draft", new { text = edited })).StatusCode);
        var delivered = await expert.Http.PostAsJsonAsync($"api/brokerages/{brokerage.Id}/requests/{request.RequestId}/deliver", new { markdown = edited });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var final = await Eventually.GetAsync(() => Task.FromResult(agentEvents.LastOrDefault()), v => v?.State == RequestState.Delivered, TimeSpan.FromSeconds(10), "the agent to hear of the delivery");
        Assert.Equal(edited, final!.Deliverable!.Markdown);
        Assert.Equal(
            [RequestState.Received, RequestState.Understanding, RequestState.Drafting, RequestState.AwaitingExpert, RequestState.InReview, RequestState.Delivered],
            final.Timeline.Select(e => e.State));
        Assert.Equal(RequestKind.MarketReport, final.Kind);
        Assert.Equal("Dubai Marina", final.Entities.Area);
        Assert.Contains(agentEvents, v => v.State == RequestState.AwaitingExpert);
        Assert.Contains(offers, o => o.Change == OfferChange.Accepted);

        var rated = await agent.Http.PostAsJsonAsync($"api/brokerages/{brokerage.Id}/requests/{request.RequestId}/rating", new { rating = 5, feedback = "Spot on" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(5, (await rated.Content.ReadFromJsonAsync<RequestView>(TestJson.Options))!.Rating);

        var stored = await hub.App.Services.GetRequiredService<IRequestStore>().EventsAsync(brokerage.Id, request.RequestId);
        Assert.Equal(final.Timeline.Select(e => (e.State, e.Actor)), stored.Select(e => (e.State, e.Actor)));
        var listed = Assert.Single((await hub.App.Services.GetRequiredService<IRequestStore>().ListForAgentAsync(brokerage.Id, brokerage.AgentIds[0], 10)));
        Assert.Equal((RequestState.Delivered, expertId, 5), (listed.State, listed.ExpertId, listed.Rating));
    }

    [Fact]
    public async Task An_expert_asks_the_agent_for_information_and_the_answer_returns_the_request_to_review()
    {
        var (brokerage, expertId, requestId) = await ClaimedRequestAsync("Draft a listing description for the Palm Jumeirah villa");
        var grain = Request(brokerage, requestId);

        var asked = await grain.AskAgentAsync(expertId, "How many bedrooms does the villa have?");
        Assert.Equal((RequestOutcomeStatus.Done, RequestState.NeedsInfo), (asked.Status, asked.Request!.State));
        Assert.Equal("How many bedrooms does the villa have?", asked.Request.Question);
        Assert.Equal(RequestOutcomeStatus.NotYours, (await grain.AnswerAsync("someone-else", "Five")).Status);
        Assert.Equal(RequestOutcomeStatus.Invalid, (await grain.AnswerAsync(brokerage.AgentIds[0], "  ")).Status);

        var answered = await grain.AnswerAsync(brokerage.AgentIds[0], "Five bedrooms, private beach");

        Assert.Equal(RequestState.InReview, answered.Request!.State);
        Assert.Null(answered.Request.Question);
        Assert.Equal(expertId, answered.Request.ExpertId);
        Assert.Equal("Five bedrooms, private beach", answered.Request.Timeline[^1].Note);
    }

    [Fact]
    public async Task A_request_that_names_no_property_or_area_asks_the_agent_first_and_goes_on_after_the_answer()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var requestId = await SubmitAsync(brokerage, "Prepare a CMA");

        var waiting = await WaitForAsync(brokerage, requestId, RequestState.NeedsInfo);
        Assert.False(string.IsNullOrWhiteSpace(waiting.Question));

        await Request(brokerage, requestId).AnswerAsync(brokerage.AgentIds[0], "The 3-bed villa in Arabian Ranches");

        var drafted = await WaitForAsync(brokerage, requestId, RequestState.AwaitingExpert);
        Assert.NotNull(drafted.Draft);
        Assert.Equal(RequestKind.MarketReport, drafted.Kind);
    }

    [Fact]
    public async Task The_agent_cancels_a_waiting_request_and_its_offer_is_withdrawn()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await hub.AddExpertAsync(brokerage, "eve");
        var requestId = await SubmitAsync(brokerage, "Write a social post about the JVC open house");
        await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Offers.Any(o => o.RequestId == requestId), TimeSpan.FromSeconds(15), "the offer");

        Assert.Equal(RequestOutcomeStatus.NotYours, (await Request(brokerage, requestId).CancelAsync("someone-else")).Status);
        var cancelled = await Request(brokerage, requestId).CancelAsync(brokerage.AgentIds[0]);

        Assert.Equal(RequestState.Cancelled, cancelled.Request!.State);
        var dispatch = await Dispatch(brokerage).GetAsync();
        Assert.Empty(dispatch.Queue);
        Assert.Empty(dispatch.Offers);
        Assert.Equal(RequestOutcomeStatus.NotAllowed, (await Request(brokerage, requestId).CancelAsync(brokerage.AgentIds[0])).Status);
        Assert.Equal(RequestOutcomeStatus.NotAllowed, (await Request(brokerage, requestId).RateAsync(brokerage.AgentIds[0], 4, null)).Status);
    }

    [Fact]
    public async Task An_expert_rejects_with_a_reason_and_frees_their_slot()
    {
        var (brokerage, expertId, requestId) = await ClaimedRequestAsync("Check the tenancy contract for the JLT unit");
        var grain = Request(brokerage, requestId);

        Assert.Equal(RequestOutcomeStatus.Invalid, (await grain.RejectAsync(expertId, "")).Status);
        var rejected = await grain.RejectAsync(expertId, "No contract was attached; send it with the request.");

        Assert.Equal(RequestState.Rejected, rejected.Request!.State);
        Assert.Empty((await Dispatch(brokerage).GetAsync()).Claims);
    }

    [Fact]
    public async Task A_deliverable_that_breaks_compliance_rules_is_refused_until_fixed_or_overridden_with_an_audited_reason()
    {
        var (brokerage, expertId, requestId) = await ClaimedRequestAsync("Write a listing description for the Marina villa");
        var grain = Request(brokerage, requestId);

        var blocked = await grain.DeliverAsync(expertId, "Stunning villa with guaranteed returns.", overrideReason: null);
        Assert.Equal(RequestOutcomeStatus.ComplianceBlocked, blocked.Status);
        Assert.NotEmpty(blocked.Findings);
        Assert.Equal(RequestState.InReview, blocked.Request!.State);

        var delivered = await grain.DeliverAsync(expertId, "Stunning villa with guaranteed returns.", "Quoted from the developer's approved brochure");
        Assert.Equal(RequestState.Delivered, delivered.Request!.State);
        Assert.Contains("compliance override", delivered.Request.Timeline[^1].Note, StringComparison.Ordinal);
        var audit = await hub.App.Services.GetRequiredService<IAuditLog>().ListAsync(brokerage.Id, 20);
        Assert.Contains(audit, e => e.Action == "request.compliance-override" && e.Subject == requestId && e.Details!.Contains("approved brochure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_expert_holding_a_request_may_work_on_it()
    {
        var (brokerage, _, requestId) = await ClaimedRequestAsync("Draft a follow-up for Sara Khan about the Downtown viewing");
        var other = await hub.AddExpertAsync(brokerage, "otto");
        var grain = Request(brokerage, requestId);

        Assert.Equal(RequestOutcomeStatus.NotYours, (await grain.DeliverAsync(other, "Hello", null)).Status);
        Assert.Equal(RequestOutcomeStatus.NotYours, (await grain.SaveDraftAsync(other, "Hello")).Status);
        Assert.Equal(RequestOutcomeStatus.NotYours, (await grain.AskAgentAsync(other, "Why?")).Status);
        Assert.Equal(ClaimResult.Lost, await Dispatch(brokerage).AcceptAsync(requestId, other));
    }

    [Fact]
    public async Task An_agent_who_opted_in_gets_the_deliverable_on_their_own_whatsapp()
    {
        var (brokerage, expertId, requestId) = await ClaimedRequestAsync("Write a market report for Jumeirah Village Circle");
        var number = ClockedHubFixture.NewClientPhone();
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var bad = await agent.Http.PutAsJsonAsync($"api/brokerages/{brokerage.Id}/agents/{brokerage.AgentIds[0]}/whatsapp", new { number = "0501234567", deliverables = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var set = await agent.Http.PutAsJsonAsync($"api/brokerages/{brokerage.Id}/agents/{brokerage.AgentIds[0]}/whatsapp", new { number, deliverables = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var delivered = await Request(brokerage, requestId).DeliverAsync(expertId, "JVC market notes: prices per square foot by building.", null);

        Assert.Contains(number, delivered.Request!.Timeline[^1].Note, StringComparison.Ordinal);
        var copy = await Eventually.GetAsync(
            () => Task.FromResult(hub.Emulator.GetConversation(number) is [var first, ..] ? first : null), m => m is not null, TimeSpan.FromSeconds(15), "the WhatsApp copy");
        Assert.Equal(brokerage.WhatsAppNumber, copy!.BusinessNumber);
        Assert.Contains("JVC market notes", copy.Body, StringComparison.Ordinal);
    }

    private async Task<(TestBrokerage Brokerage, string ExpertId, string RequestId)> ClaimedRequestAsync(string text)
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var expertId = await hub.AddExpertAsync(brokerage, "eve");
        var requestId = await SubmitAsync(brokerage, text);
        await WaitForAsync(brokerage, requestId, RequestState.AwaitingExpert);
        Assert.Equal(ClaimResult.Won, await Dispatch(brokerage).AcceptAsync(requestId, expertId));
        await WaitForAsync(brokerage, requestId, RequestState.InReview);
        return (brokerage, expertId, requestId);
    }

    private async Task<string> SubmitAsync(TestBrokerage brokerage, string text)
    {
        var requestId = Guid.NewGuid().ToString("N")[..12];
        await Request(brokerage, requestId).SubmitAsync(new NewRequest(brokerage.AgentIds[0], text), "Ann");
        return requestId;
    }

    private async Task<RequestView> WaitForAsync(TestBrokerage brokerage, string requestId, RequestState state) =>
        (await Eventually.GetAsync(() => Request(brokerage, requestId).GetAsync(), v => v?.State == state, TimeSpan.FromSeconds(15), $"request {requestId} in {state}"))!;

    private IAiRequestGrain Request(TestBrokerage brokerage, string requestId) =>
        hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId));

    private IDispatchGrain Dispatch(TestBrokerage brokerage) => hub.Grains.GetGrain<IDispatchGrain>(brokerage.Id);
}
