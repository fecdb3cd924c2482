using RealtyHub.Grains;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Tests.WhatsApp;

namespace RealtyHub.Web.Tests.Requests;

/// <summary>Expert dispatch in a running hub: leases that lapse, racing claims, delivery SLA escalation and reclaim, serving order.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class DispatchTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task An_offer_not_accepted_within_its_lease_moves_to_the_next_expert()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var first = await hub.AddExpertAsync(brokerage, "eve");
        var second = await hub.AddExpertAsync(brokerage, "sam");
        var requestId = await SubmitAsync(brokerage, "Write a market report for Business Bay");
        var offered = await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Offers.Length == 1, TimeSpan.FromSeconds(15), "the first offer");
        var firstHolder = offered.Offers[0].ExpertId;
        Assert.Contains(firstHolder, new[] { first, second });

        hub.Clock.Advance(TimeSpan.FromSeconds(31));

        var moved = await Eventually.GetAsync(
            () => Dispatch(brokerage).GetAsync(), d => d.Offers.Length == 1 && d.Offers[0].ExpertId != firstHolder, TimeSpan.FromSeconds(15), "the offer to move on");
        Assert.Equal(requestId, moved.Offers[0].RequestId);
        Assert.Equal(ClaimResult.Won, await Dispatch(brokerage).AcceptAsync(requestId, firstHolder));
    }

    [Fact]
    public async Task Of_many_experts_accepting_the_same_request_at_once_exactly_one_wins()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var experts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            experts.Add(await hub.AddExpertAsync(brokerage, $"expert{i}"));
        }

        var requestId = await SubmitAsync(brokerage, "Write a social post about the Dubai Hills launch");
        await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Queue.Any(q => q.RequestId == requestId), TimeSpan.FromSeconds(15), "the request in the queue");

        var results = await Task.WhenAll(experts.Select(e => Task.Run(() => Dispatch(brokerage).AcceptAsync(requestId, e))));

        Assert.Equal(1, results.Count(r => r == ClaimResult.Won));
        Assert.Equal(7, results.Count(r => r == ClaimResult.Lost));
        var winner = experts[Array.IndexOf(results, ClaimResult.Won)];
        var claim = Assert.Single((await Dispatch(brokerage).GetAsync()).Claims);
        Assert.Equal((requestId, winner), (claim.RequestId, claim.ExpertId));
        var request = await Eventually.GetAsync(() => Request(brokerage, requestId).GetAsync(), v => v?.State == RequestState.InReview, TimeSpan.FromSeconds(10), "review");
        Assert.Equal(winner, request!.ExpertId);
    }

    [Fact]
    public async Task A_claim_past_the_delivery_sla_alerts_supervisors_and_a_supervisor_reclaims_it_for_another_expert()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var slow = await hub.AddExpertAsync(brokerage, "slow", maxClaims: 1);
        var requestId = await SubmitAsync(brokerage, "Write a listing description for the JLT studio");
        await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Offers.Length == 1, TimeSpan.FromSeconds(15), "the offer");
        Assert.Equal(ClaimResult.Won, await Dispatch(brokerage).AcceptAsync(requestId, slow));
        var other = await hub.AddExpertAsync(brokerage, "fast", maxClaims: 1);

        hub.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var board = await Eventually.GetAsync(
            () => hub.Grains.GetGrain<ITeamBoardGrain>(brokerage.Id).GetAsync(),
            b => b.Alerts.Any(a => a.Alert.Kind == AlertKinds.RequestSla), TimeSpan.FromSeconds(20), "the request SLA alert");
        Assert.Contains("JLT studio", board.Alerts.First(a => a.Alert.Kind == AlertKinds.RequestSla).Alert.Message, StringComparison.Ordinal);
        var escalated = await Request(brokerage, requestId).GetAsync();
        Assert.Contains(escalated!.Timeline, e => e.Actor == "system" && e.Note!.Contains("SLA", StringComparison.Ordinal));

        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var reclaim = await supervisor.Http.PostAsync(new Uri($"api/brokerages/{brokerage.Id}/requests/{requestId}/reclaim", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, reclaim.StatusCode);

        var reoffered = await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Offers.Any(o => o.RequestId == requestId), TimeSpan.FromSeconds(15), "the re-offer");
        Assert.Equal(other, reoffered.Offers.Single(o => o.RequestId == requestId).ExpertId);
        Assert.Equal(RequestPriority.Urgent, reoffered.Queue.Single(q => q.RequestId == requestId).Priority);
        Assert.Equal(RequestState.AwaitingExpert, (await Request(brokerage, requestId).GetAsync())!.State);
    }

    [Fact]
    public async Task With_one_busy_expert_the_queue_is_served_by_priority_then_age()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var expert = await hub.AddExpertAsync(brokerage, "eve", maxClaims: 1, available: false);
        var oldNormal = await SubmitAsync(brokerage, "Write a market report for JVC", RequestPriority.Normal);
        await WaitQueuedAsync(brokerage, oldNormal);
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var newNormal = await SubmitAsync(brokerage, "Write a market report for JLT", RequestPriority.Normal);
        var high = await SubmitAsync(brokerage, "Write a market report for Downtown Dubai", RequestPriority.High);
        await WaitQueuedAsync(brokerage, newNormal);
        await WaitQueuedAsync(brokerage, high);

        await hub.Grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerage.Id, expert)).SetAvailabilityAsync(true);

        var served = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var offer = (await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Offers.Length == 1, TimeSpan.FromSeconds(15), "the next offer")).Offers[0];
            served.Add(offer.RequestId);
            Assert.Equal(ClaimResult.Won, await Dispatch(brokerage).AcceptAsync(offer.RequestId, expert));
            await Eventually.GetAsync(() => Request(brokerage, offer.RequestId).GetAsync(), v => v?.State == RequestState.InReview, TimeSpan.FromSeconds(10), "review");
            Assert.Equal(RequestState.Delivered, (await Request(brokerage, offer.RequestId).DeliverAsync(expert, "Done: market figures attached.", null)).Request!.State);
        }

        Assert.Equal([high, oldNormal, newNormal], served);
    }

    private async Task WaitQueuedAsync(TestBrokerage brokerage, string requestId) =>
        await Eventually.GetAsync(() => Dispatch(brokerage).GetAsync(), d => d.Queue.Any(q => q.RequestId == requestId), TimeSpan.FromSeconds(15), $"{requestId} queued");

    private async Task<string> SubmitAsync(TestBrokerage brokerage, string text, RequestPriority priority = RequestPriority.Normal)
    {
        var requestId = Guid.NewGuid().ToString("N")[..12];
        await Request(brokerage, requestId).SubmitAsync(new NewRequest(brokerage.AgentIds[0], text, priority), "Ann");
        return requestId;
    }

    private IAiRequestGrain Request(TestBrokerage brokerage, string requestId) =>
        hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId));

    private IDispatchGrain Dispatch(TestBrokerage brokerage) => hub.Grains.GetGrain<IDispatchGrain>(brokerage.Id);
}
