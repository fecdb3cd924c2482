namespace RealtyHub.Web.Components.Shared;

/// <summary>
/// What a live page holds while interactive: its feed subscription and the clock that ticks its countdowns between
/// pushes. Disposing it stops the clock, then the subscription.
/// </summary>
internal sealed class LiveLease : IAsyncDisposable
{
    private readonly IAsyncDisposable _lease;
    private readonly ITimer _ticker;

    private LiveLease(IAsyncDisposable lease, ITimer ticker) => (_lease, _ticker) = (lease, ticker);

    /// <summary>
    /// Subscribes first (the page loads after this returns, so a change in between is applied on top), then starts
    /// calling <paramref name="tick"/> every <paramref name="tickEvery"/> (off the UI thread).
    /// </summary>
    public static async Task<LiveLease> StartAsync(Task<IAsyncDisposable> subscribe, TimeProvider clock, TimeSpan tickEvery, Action tick)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(tick);
        var lease = await subscribe;
        return new LiveLease(lease, clock.CreateTimer(_ => tick(), null, tickEvery, tickEvery));
    }

    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync();
        await _lease.DisposeAsync();
    }
}
