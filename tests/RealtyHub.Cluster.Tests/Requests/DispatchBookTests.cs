using System.Collections.Immutable;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Cluster.Tests.Requests;

/// <summary>The dispatch rules on their own: serving order, eligibility, and who gets the next offer.</summary>
public sealed class DispatchBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public void Requests_are_served_by_priority_then_by_age()
    {
        var book = new DispatchBook
        {
            Queue =
            [
                Queued("old-normal", RequestPriority.Normal, T0.AddMinutes(-10)),
                Queued("new-urgent", RequestPriority.Urgent, T0),
                Queued("new-normal", RequestPriority.Normal, T0),
                Queued("old-high", RequestPriority.High, T0.AddMinutes(-1)),
                Queued("newer-high", RequestPriority.High, T0.AddMinutes(-0.5)),
            ],
        };

        Assert.Equal(["new-urgent", "old-high", "newer-high", "old-normal", "new-normal"], book.ServingOrder().Select(q => q.RequestId));
    }

    [Fact]
    public void The_first_offer_goes_to_the_highest_priority_request_when_one_expert_has_one_slot()
    {
        var book = new DispatchBook
        {
            Queue = [Queued("a", RequestPriority.Normal, T0.AddMinutes(-5)), Queued("b", RequestPriority.High, T0)],
            Experts = Experts(Expert("e1", maxClaims: 1)),
        };

        var (planned, made) = book.PlanOffers(T0, Lease);

        var offer = Assert.Single(made);
        Assert.Equal(("b", "e1", T0 + Lease), (offer.RequestId, offer.ExpertId, offer.ExpiresAt));
        Assert.Equal(1, planned.Load("e1"));
    }

    [Fact]
    public void Offers_go_to_the_least_loaded_expert_with_the_skill_then_to_the_one_idle_longest()
    {
        var book = new DispatchBook
        {
            Queue = [Queued("r1"), Queued("r2"), Queued("r3", kind: RequestKind.DocumentCheck)],
            Experts = Experts(
                Expert("busy", maxClaims: 3),
                Expert("idle-long", maxClaims: 3),
                Expert("idle-short", maxClaims: 3),
                Expert("checker", maxClaims: 3, skills: [RequestKind.DocumentCheck])),
            Claims = ImmutableDictionary<string, ExpertClaim>.Empty.Add("held", new ExpertClaim("held", "busy", T0, T0.AddHours(2), false, Queued("held"))),
            LastClaimedAt = ImmutableDictionary<string, DateTimeOffset>.Empty.Add("idle-long", T0.AddHours(-3)).Add("idle-short", T0.AddMinutes(-5)),
        };

        var (_, made) = book.PlanOffers(T0, Lease);

        Assert.Equal(
            [("r1", "idle-long"), ("r2", "idle-short"), ("r3", "checker")],
            made.Select(o => (o.RequestId, o.ExpertId)).OrderBy(o => o.RequestId));
    }

    [Fact]
    public void Unavailable_full_or_passed_experts_get_no_offer()
    {
        var book = new DispatchBook
        {
            Queue = [Queued("r1")],
            Experts = Experts(Expert("away", available: false), Expert("full", maxClaims: 1), Expert("declined")),
            Claims = ImmutableDictionary<string, ExpertClaim>.Empty.Add("held", new ExpertClaim("held", "full", T0, T0.AddHours(2), false, Queued("held"))),
        }.Pass("r1", "declined");

        var (_, made) = book.PlanOffers(T0, Lease);

        Assert.Empty(made);
        Assert.True(book.CanTake("declined", Queued("r1")), "an expert who declined can still claim the request from the queue");
        Assert.False(book.CanTake("away", Queued("r1")));
        Assert.False(book.CanTake("full", Queued("r1")));
    }

    [Fact]
    public void An_experts_own_open_offer_does_not_count_against_taking_that_request()
    {
        var book = new DispatchBook { Queue = [Queued("r1"), Queued("r2")], Experts = Experts(Expert("e1", maxClaims: 1)) };
        var (planned, made) = book.PlanOffers(T0, Lease);

        Assert.Equal("r1", Assert.Single(made).RequestId);
        Assert.True(planned.CanTake("e1", Queued("r1")));
        Assert.False(planned.CanTake("e1", Queued("r2")));
    }

    [Fact]
    public void Forget_removes_every_trace_of_a_request()
    {
        var book = new DispatchBook { Queue = [Queued("r1")], Experts = Experts(Expert("e1")) }.PlanOffers(T0, Lease).Book.Pass("r1", "e2");

        var forgotten = book.Forget("r1");

        Assert.Empty(forgotten.Queue);
        Assert.Empty(forgotten.Offers);
        Assert.Empty(forgotten.Passed);
    }

    private static QueuedRequest Queued(string id, RequestPriority priority = RequestPriority.Normal, DateTimeOffset? since = null, RequestKind kind = RequestKind.MarketReport) =>
        new(id, kind, priority, since ?? T0, $"Request {id}", "Agent");

    private static ExpertSnapshot Expert(string id, int maxClaims = 2, bool available = true, RequestKind[]? skills = null) =>
        new("b1", id, new ExpertProfile(id, $"{id}@b1.test", [.. skills ?? [RequestKind.MarketReport, RequestKind.ListingDescription]], maxClaims), available, T0);

    private static ImmutableDictionary<string, ExpertSnapshot> Experts(params ExpertSnapshot[] experts) =>
        experts.ToImmutableDictionary(e => e.ExpertId);
}
