using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>
/// The dispatch state and its rules, without Orleans: who may take what, in which order requests are served, and
/// which expert gets the next offer. Pure, so fairness and eligibility are tested directly.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.dispatch-book")]
public sealed record DispatchBook
{
    [Id(0)] public ImmutableList<QueuedRequest> Queue { get; init; } = [];

    [Id(1)] public ImmutableDictionary<string, ExpertOffer> Offers { get; init; } = ImmutableDictionary<string, ExpertOffer>.Empty;

    [Id(2)] public ImmutableDictionary<string, ExpertClaim> Claims { get; init; } = ImmutableDictionary<string, ExpertClaim>.Empty;

    [Id(3)] public ImmutableDictionary<string, ExpertSnapshot> Experts { get; init; } = ImmutableDictionary<string, ExpertSnapshot>.Empty;

    /// <summary>Experts who declined a request or let its offer lapse: it is not offered to them again (they can still claim it).</summary>
    [Id(4)] public ImmutableDictionary<string, ImmutableHashSet<string>> Passed { get; init; } = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;

    /// <summary>When each expert last won a claim: among equally loaded experts, the one idle longest gets the offer.</summary>
    [Id(5)] public ImmutableDictionary<string, DateTimeOffset> LastClaimedAt { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>Offers or claims are open: the grain watches leases and SLAs.</summary>
    public bool IsBusy => !Offers.IsEmpty || !Claims.IsEmpty;

    /// <summary>Serving order: higher priority first, then the longest waiting, then the id (so the order is total).</summary>
    public IEnumerable<QueuedRequest> ServingOrder() => Queue
        .OrderByDescending(q => q.Priority)
        .ThenBy(q => q.WaitingSince)
        .ThenBy(q => q.RequestId, StringComparer.Ordinal);

    /// <summary>Claims held plus offers open: an expert's slots in use.</summary>
    public int Load(string expertId) =>
        Claims.Values.Count(c => c.ExpertId == expertId) + Offers.Values.Count(o => o.ExpertId == expertId);

    /// <summary>Whether the expert can take this request now (their own open offer for it does not count against them).</summary>
    public bool CanTake(string expertId, QueuedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Experts.TryGetValue(expertId, out var expert) || !expert.Available || !expert.Profile.Skills.Contains(request.Kind))
        {
            return false;
        }

        var ownOffer = Offers.TryGetValue(request.RequestId, out var offer) && offer.ExpertId == expertId ? 1 : 0;
        return Load(expertId) - ownOffer < expert.Profile.MaxClaims;
    }

    /// <summary>
    /// Offers every waiting request without an open offer to the best free expert: least loaded, then idle longest,
    /// then by id. Returns the book with the new offers and the offers made.
    /// </summary>
    public (DispatchBook Book, IReadOnlyList<ExpertOffer> Made) PlanOffers(DateTimeOffset now, TimeSpan lease)
    {
        var book = this;
        var made = new List<ExpertOffer>();
        foreach (var request in ServingOrder().Where(q => !Offers.ContainsKey(q.RequestId)).ToList())
        {
            var passed = book.Passed.GetValueOrDefault(request.RequestId) ?? [];
            var expert = book.Experts.Keys
                .Where(e => !passed.Contains(e) && book.CanTake(e, request))
                .OrderBy(book.Load)
                .ThenBy(e => book.LastClaimedAt.TryGetValue(e, out var at) ? at : DateTimeOffset.MinValue)
                .ThenBy(e => e, StringComparer.Ordinal)
                .FirstOrDefault();
            if (expert is null)
            {
                continue;
            }

            var offer = new ExpertOffer(request.RequestId, expert, now, now + lease, request);
            book = book with { Offers = book.Offers.SetItem(request.RequestId, offer) };
            made.Add(offer);
        }

        return (book, made);
    }

    public DispatchBook Pass(string requestId, string expertId) => this with
    {
        Offers = Offers.TryGetValue(requestId, out var o) && o.ExpertId == expertId ? Offers.Remove(requestId) : Offers,
        Passed = Passed.SetItem(requestId, (Passed.GetValueOrDefault(requestId) ?? []).Add(expertId)),
    };

    /// <summary>Drops every trace of the request (queue, offer, claim, passes).</summary>
    public DispatchBook Forget(string requestId) => this with
    {
        Queue = Queue.RemoveAll(q => q.RequestId == requestId),
        Offers = Offers.Remove(requestId),
        Claims = Claims.Remove(requestId),
        Passed = Passed.Remove(requestId),
    };

    public DispatchSnapshot Snapshot() => new(
        [.. ServingOrder()],
        [.. Offers.Values.OrderBy(o => o.OfferedAt)],
        [.. Claims.Values.OrderBy(c => c.ClaimedAt)],
        [.. Experts.Values.OrderBy(e => e.Profile.DisplayName, StringComparer.OrdinalIgnoreCase)]);
}
