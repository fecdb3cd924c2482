using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Realtime;

/// <summary>
/// This web node's single subscription per brokerage to the brokerage grain's events. It fans each event out to
/// the node's SignalR connections (one group send) and to console circuits (in-process handlers). Observer
/// subscriptions expire, and are lost if the grain's silo restarts, so live ones are renewed on a timer.
/// </summary>
public sealed partial class BrokerageFeed(
    IGrainFactory grains,
    IHubContext<ConsoleHub, IConsoleClient> hub,
    ILogger<BrokerageFeed> logger) : BackgroundService
{
    /// <summary>Well inside <see cref="BrokerageGrain.ObserverExpiry"/>, and quick to heal after a silo restart.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private readonly IHubContext<ConsoleHub, IConsoleClient> _hub = hub;
    private readonly ILogger<BrokerageFeed> _logger = logger;
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Starts watching a brokerage (if this node isn't already) and returns a lease that ends the watch.</summary>
    public async Task<IAsyncDisposable> WatchAsync(string brokerageId, Action<BrokerageEvent>? onEvent = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_channels.TryGetValue(brokerageId, out var channel))
            {
                channel = new Channel(this, brokerageId);
                channel.Reference = grains.CreateObjectReference<IBrokerageObserver>(channel);
                await grains.GetGrain<IBrokerageGrain>(brokerageId).SubscribeAsync(channel.Reference);
                _channels[brokerageId] = channel;
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
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await TickAsync(timer, stoppingToken))
        {
            foreach (var channel in _channels.Values)
            {
                try
                {
                    await grains.GetGrain<IBrokerageGrain>(channel.BrokerageId).SubscribeAsync(channel.Reference!);
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException)
                {
                    // Best effort: the next tick tries again; a cluster hiccup must not end the feed.
                    LogRenewFailed(_logger, ex, channel.BrokerageId);
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

    private async Task ReleaseAsync(Channel channel)
    {
        await _gate.WaitAsync();
        try
        {
            if (channel.LeaseCount == 0 && _channels.TryRemove(channel.BrokerageId, out _))
            {
                await grains.GetGrain<IBrokerageGrain>(channel.BrokerageId).UnsubscribeAsync(channel.Reference!);
                grains.DeleteObjectReference<IBrokerageObserver>(channel.Reference!);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the feed of brokerage {BrokerageId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string brokerageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SignalR push to brokerage {BrokerageId} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string brokerageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console handler of brokerage {BrokerageId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string brokerageId);

    private sealed class Channel(BrokerageFeed feed, string brokerageId) : IBrokerageObserver
    {
        private readonly ConcurrentDictionary<Lease, byte> _leases = new();

        public string BrokerageId { get; } = brokerageId;

        public IBrokerageObserver? Reference { get; set; }

        public int LeaseCount => _leases.Count;

        public IAsyncDisposable AddLease(Action<BrokerageEvent>? onEvent)
        {
            var lease = new Lease(this, onEvent);
            _leases[lease] = 0;
            return lease;
        }

        public void AgentChanged(AgentSnapshot agent)
        {
            Push(feed._hub.Clients.Group(ConsoleGroups.Brokerage(BrokerageId)).AgentChanged(agent));
            Raise(new AgentChangedEvent(agent));
        }

        public void ConversationChanged(ConversationSummary conversation, ChatMessage? message)
        {
            var audience = conversation.AssignedAgentId is { } agentId
                ? ConsoleGroups.Agent(BrokerageId, agentId)
                : ConsoleGroups.Agents(BrokerageId);
            Push(feed._hub.Clients.Groups(ConsoleGroups.Supervisors(BrokerageId), audience).ConversationChanged(conversation, message));
            Raise(new ConversationChangedEvent(conversation, message));
        }

        public void AlertRaised(HubAlert alert)
        {
            Push(feed._hub.Clients.Group(ConsoleGroups.Supervisors(BrokerageId)).AlertRaised(alert));
            Raise(new AlertRaisedEvent(alert));
        }

        /// <summary>SignalR sends are fire-and-forget here; a failure is logged, never thrown into the grain callback.</summary>
        private void Push(Task send) => send.ContinueWith(
            t => LogPushFailed(feed._logger, t.Exception!, BrokerageId),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        private void Raise(BrokerageEvent brokerageEvent)
        {
            foreach (var lease in _leases.Keys)
            {
                try
                {
                    lease.OnEvent?.Invoke(brokerageEvent);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One broken circuit must not stop the others from hearing the event.
                    LogHandlerFailed(feed._logger, ex, BrokerageId);
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

        private sealed class Lease(Channel channel, Action<BrokerageEvent>? onEvent) : IAsyncDisposable
        {
            public Action<BrokerageEvent>? OnEvent { get; } = onEvent;

            public async ValueTask DisposeAsync() => await channel.RemoveAsync(this);
        }
    }
}
