using RealtyHub.Grains.Requests;

namespace RealtyHub.Web.Components.Experts;

/// <summary>
/// Keeps a dispatch snapshot in step with live events until the next read from dispatch: offers appear and end as
/// they are pushed, and the queue follows request states (dispatch pushes no event of its own for queue or claims).
/// </summary>
public static class LiveDispatch
{
    /// <summary>The offer shown when made, gone when accepted, declined, expired or withdrawn.</summary>
    public static DispatchSnapshot With(this DispatchSnapshot dispatch, ExpertOffer offer, OfferChange change)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(offer);
        var others = dispatch.Offers.RemoveAll(o => o.RequestId == offer.RequestId && o.ExpertId == offer.ExpertId);
        return dispatch with { Offers = change == OfferChange.Made ? others.Add(offer) : others };
    }

    /// <summary>A request waiting for an expert is queued; one that moved on leaves the queue (and its claim once final).</summary>
    public static DispatchSnapshot With(this DispatchSnapshot dispatch, RequestView request)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(request);
        if (request.State == RequestState.AwaitingExpert)
        {
            if (dispatch.Queue.Any(q => q.RequestId == request.RequestId))
            {
                return dispatch;
            }

            var queued = new QueuedRequest(request.RequestId, request.Kind ?? RequestKind.KnowledgeAnswer, request.Priority,
                request.Timeline.IsDefaultOrEmpty ? request.CreatedAt : request.Timeline[^1].At, request.Title, request.AgentName);
            return dispatch with { Queue = dispatch.Queue.Add(queued), Claims = dispatch.Claims.RemoveAll(c => c.RequestId == request.RequestId) };
        }

        return dispatch with
        {
            Queue = dispatch.Queue.RemoveAll(q => q.RequestId == request.RequestId),
            Offers = dispatch.Offers.RemoveAll(o => o.RequestId == request.RequestId),
            Claims = request.State.IsFinal() ? dispatch.Claims.RemoveAll(c => c.RequestId == request.RequestId) : dispatch.Claims,
        };
    }

    /// <summary>The expert declined: their offer is gone at once.</summary>
    public static DispatchSnapshot WithoutOffer(this DispatchSnapshot dispatch, string requestId, string expertId)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return dispatch with { Offers = dispatch.Offers.RemoveAll(o => o.RequestId == requestId && o.ExpertId == expertId) };
    }
}
