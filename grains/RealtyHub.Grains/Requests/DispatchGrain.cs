using Microsoft.Extensions.Options;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Grains.Requests;

/// <summary>
/// The expert queue of one brokerage. One grain per brokerage serialises every claim, so of many experts accepting
/// the same request exactly one wins. Offers are leases checked every second (time from <see cref="TimeProvider"/>);
/// a reminder wakes the grain while offers or claims are open, so leases and SLAs are kept even after a restart.
/// Calls into request grains are one-way: a request waiting on dispatch never deadlocks with it.
/// </summary>
public sealed class DispatchGrain(
    [PersistentState("dispatch", GrainStorage.Name)] IPersistentState<DispatchBook> state,
    IOptions<DispatchOptions> options,
    TimeProvider clock) : Grain, IDispatchGrain, IRemindable
{
    private const string WatchReminder = "watch-leases";
    private readonly long _epoch = clock.GetUtcNow().UtcTicks;
    private long _sequence;
    private IGrainTimer? _ticker;
    private bool _watching;

    private DispatchBook Book => state.State;

    private string BrokerageId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        WatchIfBusy();
        _watching = await this.GetReminder(WatchReminder, cancellationToken) is not null;
    }

    public async Task EnqueueAsync(QueuedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Book.Claims.ContainsKey(request.RequestId) || Book.Queue.Any(q => q.RequestId == request.RequestId))
        {
            return;
        }

        state.State = Book with { Queue = Book.Queue.Add(request) };
        await PlanAndSaveAsync();
    }

    public async Task WithdrawAsync(string requestId)
    {
        var offer = Book.Offers.GetValueOrDefault(requestId);
        var claim = Book.Claims.GetValueOrDefault(requestId);
        if (offer is null && claim is null && !Book.Queue.Any(q => q.RequestId == requestId))
        {
            return;
        }

        state.State = Book.Forget(requestId);
        await PublishOfferAsync(offer, OfferChange.Withdrawn);
        await PlanAndSaveAsync(claim?.ExpertId);
    }

    public async Task<ClaimResult> AcceptAsync(string requestId, string expertId)
    {
        if (Book.Claims.ContainsKey(requestId) || Book.Queue.FirstOrDefault(q => q.RequestId == requestId) is not { } request)
        {
            return ClaimResult.Lost;
        }

        if (!Book.CanTake(expertId, request))
        {
            return ClaimResult.NotEligible;
        }

        var now = clock.GetUtcNow();
        var offer = Book.Offers.GetValueOrDefault(requestId);
        state.State = Book.Forget(requestId) with
        {
            Claims = Book.Claims.SetItem(requestId, new ExpertClaim(requestId, expertId, now, now + options.Value.DeliverySla, false, request)),
            LastClaimedAt = Book.LastClaimedAt.SetItem(expertId, now),
        };
        await PublishOfferAsync(offer, offer?.ExpertId == expertId ? OfferChange.Accepted : OfferChange.Withdrawn);
        var expert = Book.Experts[expertId];
        await Request(requestId).ClaimedAsync(expertId, expert.Profile.DisplayName);
        await PlanAndSaveAsync(expertId);
        return ClaimResult.Won;
    }

    public async Task DeclineAsync(string requestId, string expertId)
    {
        if (Book.Offers.GetValueOrDefault(requestId) is not { } offer || offer.ExpertId != expertId)
        {
            return;
        }

        state.State = Book.Pass(requestId, expertId);
        await PublishOfferAsync(offer, OfferChange.Declined);
        await PlanAndSaveAsync(expertId);
    }

    public async Task<bool> ReleaseAsync(string requestId, string expertId)
    {
        if (Book.Claims.GetValueOrDefault(requestId) is not { } claim || claim.ExpertId != expertId)
        {
            return false;
        }

        await ReturnToQueueAsync(claim, claim.Request, Book.Experts[expertId].Profile.DisplayName, "Released by the expert; back in the queue");
        return true;
    }

    public async Task<bool> ReclaimAsync(string requestId, string actor)
    {
        if (Book.Claims.GetValueOrDefault(requestId) is not { } claim)
        {
            return false;
        }

        // A reclaimed request has waited long enough: it goes to the front, and not back to the same expert.
        await ReturnToQueueAsync(claim, claim.Request with { Priority = RequestPriority.Urgent }, actor, $"Reclaimed by {actor} from {Name(claim.ExpertId)}");
        return true;
    }

    public async Task ExpertChangedAsync(ExpertSnapshot expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        state.State = Book with { Experts = Book.Experts.SetItem(expert.ExpertId, expert) };
        if (!expert.Available)
        {
            foreach (var offer in Book.Offers.Values.Where(o => o.ExpertId == expert.ExpertId).ToList())
            {
                state.State = Book with { Offers = Book.Offers.Remove(offer.RequestId) };
                await PublishOfferAsync(offer, OfferChange.Withdrawn);
            }
        }

        await PlanAndSaveAsync(expert.ExpertId);
    }

    public Task<DispatchSnapshot> GetAsync() => Task.FromResult(Book.Snapshot());

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync(CancellationToken.None);

    private async Task ReturnToQueueAsync(ExpertClaim claim, QueuedRequest request, string actor, string reason)
    {
        state.State = Book.Pass(claim.RequestId, claim.ExpertId) with
        {
            Claims = Book.Claims.Remove(claim.RequestId),
            Queue = Book.Queue.Add(request),
        };
        await Request(claim.RequestId).ReturnedToQueueAsync(actor, reason);
        await PlanAndSaveAsync(claim.ExpertId);
    }

    /// <summary>Expires lapsed offers (they move on) and escalates claims past the delivery SLA (once each).</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = Book.Offers.Values.Where(o => o.ExpiresAt <= now).ToList();
        var overdue = Book.Claims.Values.Where(c => !c.Escalated && c.DueAt <= now).ToList();
        if (lapsed.Count == 0 && overdue.Count == 0)
        {
            return;
        }

        foreach (var offer in lapsed)
        {
            state.State = Book.Pass(offer.RequestId, offer.ExpertId);
            await PublishOfferAsync(offer, OfferChange.Expired);
        }

        foreach (var claim in overdue)
        {
            state.State = Book with { Claims = Book.Claims.SetItem(claim.RequestId, claim with { Escalated = true }) };
            await Request(claim.RequestId).DeliverySlaPassedAsync();
        }

        await PlanAndSaveAsync([.. lapsed.Select(o => o.ExpertId)]);
    }

    private async Task PlanAndSaveAsync(params string?[] changedExperts)
    {
        var (planned, made) = Book.PlanOffers(clock.GetUtcNow(), options.Value.OfferLease);
        state.State = planned;
        await state.WriteStateAsync();
        foreach (var offer in made)
        {
            await PublishOfferAsync(offer, OfferChange.Made);
        }

        var board = GrainFactory.GetGrain<ITeamBoardGrain>(BrokerageId);
        foreach (var expertId in changedExperts.Concat(made.Select(o => o.ExpertId)).OfType<string>().Distinct())
        {
            if (Book.Experts.GetValueOrDefault(expertId) is { } expert)
            {
                await board.ExpertChangedAsync(new BoardExpertReport(
                    expertId, expert.Profile.DisplayName, expert.Available, Book.Claims.Values.Count(c => c.ExpertId == expertId), expert.Profile.MaxClaims,
                    new EventStamp(_epoch, ++_sequence)));
            }
        }

        WatchIfBusy();
        await KeepReminderAsync();
    }

    /// <summary>A one-second ticker runs while offers or claims are open; it keeps the grain active meanwhile.</summary>
    private void WatchIfBusy()
    {
        var busy = Book.IsBusy;
        if (busy && _ticker is null)
        {
            _ticker = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        }
        else if (!busy && _ticker is not null)
        {
            _ticker.Dispose();
            _ticker = null;
        }
    }

    /// <summary>The reminder table is touched only when busy-ness changes, not on every dispatch operation.</summary>
    private async Task KeepReminderAsync()
    {
        var busy = Book.IsBusy;
        if (busy && !_watching)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _watching = true;
        }
        else if (!busy && _watching)
        {
            if (await this.GetReminder(WatchReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _watching = false;
        }
    }

    private Task PublishOfferAsync(ExpertOffer? offer, OfferChange change) => offer is null
        ? Task.CompletedTask
        : GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).PublishOfferAsync(offer, change);

    private IAiRequestGrain Request(string requestId) => GrainFactory.GetGrain<IAiRequestGrain>(GrainKeys.For(BrokerageId, requestId));

    private string Name(string expertId) => Book.Experts.TryGetValue(expertId, out var e) ? e.Profile.DisplayName : expertId;
}
