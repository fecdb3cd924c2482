using System.Collections.Concurrent;

namespace RealtyHub.Web.Realtime;

/// <summary>
/// This web node's single observer subscription per grain it serves (a brokerage's events, a team board). Console
/// circuits and SignalR connections take leases; the first lease subscribes, the last one unsubscribes. Observer
/// subscriptions expire, and are lost if the grain's silo restarts, so live ones are renewed on a timer.
/// </summary>
public abstract partial class LiveFeed<TObserver, TEvent>(IGrainFactory grains, ILogger logger) : BackgroundService
    where TObserver : class, IGrainObserver
{
    private readonly ConcurrentDictionary<string, FeedChannel> _channels = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected IGrainFactory Grains { get; } = grains;

    protected ILogger Logger { get; } = logger;

    /// <summary>How often live subscriptions are renewed: well inside the grain's expiry, quick to heal after a silo restart.</summary>
    protected abstract TimeSpan RenewEvery { get; }

    /// <summary>Starts watching <paramref name="key"/> (if this node isn't already) and returns a lease that ends the watch.</summary>
    public async Task<IAsyncDisposable> WatchAsync(string key, Action<TEvent>? onEvent = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_channels.TryGetValue(key, out var channel))
            {
                channel = CreateChannel(key);
                channel.Reference = Grains.CreateObjectReference<TObserver>((TObserver)(object)channel);
                await SubscribeAsync(key, channel.Reference);
                _channels[key] = channel;
            }

            return channel.AddLease(onEvent);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A channel for <paramref name="key"/> that implements <typeparamref name="TObserver"/>.</summary>
    protected abstract FeedChannel CreateChannel(string key);

    protected abstract Task SubscribeAsync(string key, TObserver observer);

    protected abstract Task UnsubscribeAsync(string key, TObserver observer);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await TickAsync(timer, stoppingToken))
        {
            foreach (var channel in _channels.Values)
            {
                try
                {
                    await SubscribeAsync(channel.Key, channel.Reference!);
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException)
                {
                    // Best effort: the next tick tries again; a cluster hiccup must not end the feed.
                    LogRenewFailed(Logger, ex, channel.Key);
                }
            }
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReleaseAsync(FeedChannel channel)
    {
        await _gate.WaitAsync();
        try
        {
            if (channel.LeaseCount == 0 && _channels.TryRemove(channel.Key, out _))
            {
                await UnsubscribeAsync(channel.Key, channel.Reference!);
                Grains.DeleteObjectReference<TObserver>(channel.Reference!);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the live feed of {Key}")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SignalR push for {Key} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console handler of {Key} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string key);

    /// <summary>The observer of one key: pushes to SignalR groups and raises events to the leases' handlers.</summary>
    protected abstract class FeedChannel(LiveFeed<TObserver, TEvent> feed, string key)
    {
        private readonly ConcurrentDictionary<Lease, byte> _leases = new();

        public string Key { get; } = key;

        public TObserver? Reference { get; set; }

        public int LeaseCount => _leases.Count;

        public IAsyncDisposable AddLease(Action<TEvent>? onEvent)
        {
            var lease = new Lease(this, onEvent);
            _leases[lease] = 0;
            return lease;
        }

        /// <summary>SignalR sends are fire-and-forget here; a failure is logged, never thrown into the grain callback.</summary>
        protected void Push(Task send) => send.ContinueWith(
            t => LogPushFailed(feed.Logger, t.Exception!, Key),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        protected void Raise(TEvent liveEvent)
        {
            foreach (var lease in _leases.Keys)
            {
                try
                {
                    lease.OnEvent?.Invoke(liveEvent);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One broken circuit must not stop the others from hearing the event.
                    LogHandlerFailed(feed.Logger, ex, Key);
                }
            }
        }

        private async Task RemoveAsync(Lease lease)
        {
            if (_leases.TryRemove(lease, out _))
            {
                await feed.ReleaseAsync(this);
            }
        }

        private sealed class Lease(FeedChannel channel, Action<TEvent>? onEvent) : IAsyncDisposable
        {
            public Action<TEvent>? OnEvent { get; } = onEvent;

            public async ValueTask DisposeAsync() => await channel.RemoveAsync(this);
        }
    }
}
