using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>
/// The expert queue of one brokerage, like a task router with reservations: requests wait per skill, served by
/// priority then age; an available expert with the skill and a free slot is offered the request for a lease (accept
/// in time or it moves on); an accepted request must be delivered within the SLA or it escalates and can be reclaimed.
/// Key: the brokerage id.
/// </summary>
[Alias("realtyhub.dispatch")]
public interface IDispatchGrain : IGrainWithStringKey
{
    /// <summary>A request waits for an expert (again, after a release or reclaim). Idempotent per request.</summary>
    [Alias("enqueue")]
    Task EnqueueAsync(QueuedRequest request);

    /// <summary>The request no longer needs an expert (cancelled, delivered, rejected): drops it from queue, offers and claims.</summary>
    [Alias("withdraw")]
    Task WithdrawAsync(string requestId);

    /// <summary>An expert accepts an offer or claims a waiting request; of many racing, exactly one wins.</summary>
    [Alias("accept")]
    Task<ClaimResult> AcceptAsync(string requestId, string expertId);

    /// <summary>An expert declines an offer; it goes to the next expert.</summary>
    [Alias("decline")]
    Task DeclineAsync(string requestId, string expertId);

    /// <summary>The expert gives a claimed request back to the queue.</summary>
    [Alias("release")]
    Task<bool> ReleaseAsync(string requestId, string expertId);

    /// <summary>A supervisor takes an overdue (or any claimed) request back to the queue, ahead of others.</summary>
    [Alias("reclaim")]
    Task<bool> ReclaimAsync(string requestId, string actor);

    /// <summary>An expert's availability, skills or capacity changed.</summary>
    [Alias("expert-changed")]
    Task ExpertChangedAsync(ExpertSnapshot expert);

    [Alias("get")]
    Task<DispatchSnapshot> GetAsync();
}

/// <summary>A request waiting for an expert with skill <paramref name="Kind"/>.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.queued-request")]
public sealed record QueuedRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] RequestKind Kind,
    [property: Id(2)] RequestPriority Priority,
    [property: Id(3)] DateTimeOffset WaitingSince,
    [property: Id(4)] string Title,
    [property: Id(5)] string AgentName);

[GenerateSerializer, Alias("realtyhub.claim-result")]
public enum ClaimResult
{
    /// <summary>The request is now the expert's.</summary>
    Won = 0,

    /// <summary>Someone else has it, or it is no longer waiting.</summary>
    Lost = 1,

    /// <summary>The expert cannot take it: not available, lacks the skill, or has no free slot.</summary>
    NotEligible = 2,
}

/// <summary>An offer of a request to one expert, open until <paramref name="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.expert-offer")]
public sealed record ExpertOffer(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ExpertId,
    [property: Id(2)] DateTimeOffset OfferedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] QueuedRequest Request);

/// <summary>A request an expert holds, due by <paramref name="DueAt"/>; <paramref name="Escalated"/> once the SLA passed.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.expert-claim")]
public sealed record ExpertClaim(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ExpertId,
    [property: Id(2)] DateTimeOffset ClaimedAt,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] bool Escalated,
    [property: Id(5)] QueuedRequest Request);

/// <summary>The queue (in serving order), open offers, claims and experts.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.dispatch-snapshot")]
public sealed record DispatchSnapshot(
    [property: Id(0)] ImmutableArray<QueuedRequest> Queue,
    [property: Id(1)] ImmutableArray<ExpertOffer> Offers,
    [property: Id(2)] ImmutableArray<ExpertClaim> Claims,
    [property: Id(3)] ImmutableArray<ExpertSnapshot> Experts);

/// <summary>What happened to an offer, as the expert's workbench hears it.</summary>
[GenerateSerializer, Alias("realtyhub.offer-change")]
public enum OfferChange
{
    Made = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,

    /// <summary>Withdrawn: the request was taken by someone else, cancelled, or the expert became unavailable.</summary>
    Withdrawn = 4,
}
