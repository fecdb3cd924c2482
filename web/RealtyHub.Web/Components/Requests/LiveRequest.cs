using RealtyHub.Grains.Requests;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Requests;

/// <summary>One request kept live on a page (the agent's detail and the expert's workbench share it).</summary>
internal static class LiveRequest
{
    /// <summary>
    /// Subscribes first, then loads, so a change in between is applied on top; every view (loaded or pushed) goes to
    /// <paramref name="onView"/>, which pushed views reach off the UI thread. Returns the feed lease (none when prerendering).
    /// </summary>
    public static async Task<IAsyncDisposable?> WatchAsync(
        BrokerageFeed feed, RequestService requests, RequestsContext context, string requestId, bool interactive, Action<RequestView> onView)
    {
        var lease = interactive
            ? await feed.WatchAsync(context.BrokerageId, e =>
            {
                if (e is RequestChangedEvent { Request: var request } && request.RequestId == requestId)
                {
                    onView(request);
                }
            })
            : null;
        if (await requests.GetAsync(context.User, context.BrokerageId, requestId) is { } view)
        {
            onView(view);
        }

        return lease;
    }

    /// <summary>Events only ever get appended, so a shorter timeline is older; an equal one (a rating, a saved draft) is taken.</summary>
    public static bool IsNewer(RequestView? current, RequestView next) =>
        current is null || next.Timeline.Length >= current.Timeline.Length;
}
