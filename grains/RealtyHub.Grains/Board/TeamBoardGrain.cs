using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Board;

/// <summary>
/// One brokerage's team board. Reports only mark the board dirty; a timer pushes at most one snapshot per
/// <see cref="PushInterval"/> to the web nodes, checks alert conditions, and saves the state every few seconds.
/// A crash loses at most <see cref="SaveInterval"/> of history; conversations are reloaded from the inbox table.
/// </summary>
public sealed partial class TeamBoardGrain(
    [PersistentState("team-board", GrainStorage.Name)] IPersistentState<BoardState> state,
    IConversationStore conversations,
    TimeProvider clock,
    ILogger<TeamBoardGrain> logger) : Grain, ITeamBoardGrain, IRemindable
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1.0 / ITeamBoardGrain.MaxUpdatesPerSecond);
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ConditionInterval = TimeSpan.FromSeconds(5);

    /// <summary>Keeps the board checking waiting clients while nobody reports anything (the grain may be idle-collected).</summary>
    private const string WatchReminder = "watch-waiting-clients";
    private const int ConversationsLoaded = 5000;

    private readonly ObserverManager<ITeamBoardObserver> _observers = new(BrokerageGrain.ObserverExpiry, logger);
    private BoardBook _book = null!;
    private BrokerageProfile? _profile;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private long _pushedVersion = -1;
    private long _savedVersion;
    private DateTimeOffset _lastSave;
    private DateTimeOffset _lastConditionCheck;
    private long _checkedVersion = -1;
    private bool _watching;

    private string BrokerageId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new BoardBook(BrokerageId, state.State);
        var now = clock.GetUtcNow();
        _book.LoadConversations(await conversations.ListOpenAsync(BrokerageId, ConversationsLoaded, cancellationToken), now);
        foreach (var agent in await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetAgentsAsync())
        {
            _book.ApplyAgent(agent);
        }

        await RefreshProfileAsync();
        _savedVersion = state.State.Version;
        _lastSave = now;
        _watching = await this.GetReminder(WatchReminder, cancellationToken) is not null;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(PushInterval, PushInterval) { KeepAlive = false, Interleave = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (state.State.Version != _savedVersion)
        {
            await SaveAsync(clock.GetUtcNow());
        }
    }

    public Task ConversationChangedAsync(ConversationSummary conversation, ChatMessage? message, EventStamp stamp)
    {
        _book.ApplyConversation(conversation, message, stamp, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task AgentChangedAsync(AgentSnapshot agent)
    {
        _book.ApplyAgent(agent);
        return Task.CompletedTask;
    }

    public async Task AlertRaisedAsync(HubAlert alert)
    {
        if (_book.ApplyAlert(alert))
        {
            await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).PublishAlertAsync(alert);
        }
    }

    public Task RequestChangedAsync(BoardRequestReport request)
    {
        _book.ApplyRequest(request);
        return Task.CompletedTask;
    }

    public Task ExpertChangedAsync(BoardExpertReport expert)
    {
        _book.ApplyExpert(expert);
        return Task.CompletedTask;
    }

    public Task VoiceSessionChangedAsync(VoiceSessionReport session)
    {
        _book.ApplyVoiceSession(session);
        return Task.CompletedTask;
    }

    public Task<BoardSnapshot> GetAsync() => Task.FromResult(_book.Snapshot(clock.GetUtcNow(), _zone));

    public async Task<bool> AcknowledgeAlertAsync(string alertId, string actor)
    {
        var found = _book.Acknowledge(alertId, actor, clock.GetUtcNow());
        if (found)
        {
            // An acknowledgement is a person's act: keep it even if the silo dies a moment later.
            await SaveAsync(clock.GetUtcNow());
        }

        return found;
    }

    public Task SubscribeAsync(ITeamBoardObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ITeamBoardObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WatchReminder ? CheckConditionsAsync(clock.GetUtcNow()) : Task.CompletedTask;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            if (state.State.Version != _checkedVersion || now - _lastConditionCheck >= ConditionInterval)
            {
                await CheckConditionsAsync(now);
            }

            if (state.State.Version != _pushedVersion && _observers.Count > 0)
            {
                _pushedVersion = state.State.Version;
                var snapshot = _book.Snapshot(now, _zone);
                _observers.Notify(o => o.BoardChanged(snapshot));
            }

            if (state.State.Version != _savedVersion && now - _lastSave >= SaveInterval)
            {
                await SaveAsync(now);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The next tick tries again; a failed save or alert publish must not stop the board.
            LogTickFailed(logger, ex, BrokerageId);
        }
    }

    private async Task CheckConditionsAsync(DateTimeOffset now)
    {
        if (now - _lastConditionCheck >= ConditionInterval)
        {
            await RefreshProfileAsync();
            _book.Prune(now);
            await WatchWaitingClientsAsync();
        }

        _lastConditionCheck = now;
        foreach (var alert in _book.CheckConditions(now, _profile?.Alerts ?? BoardThresholds.Default))
        {
            await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).PublishAlertAsync(alert);
        }

        _checkedVersion = state.State.Version;
    }

    private async Task WatchWaitingClientsAsync()
    {
        var anyoneWaiting = state.State.Conversations.Values.Any(c => c.AwaitingReplySince is not null && c.Status == ConversationStatus.Open);
        if (anyoneWaiting && !_watching)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _watching = true;
        }
        else if (!anyoneWaiting && _watching && await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _watching = false;
        }
    }

    private async Task RefreshProfileAsync()
    {
        _profile = await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetProfileAsync();
        _zone = _profile is not null && TimeZoneInfo.TryFindSystemTimeZoneById(_profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private async Task SaveAsync(DateTimeOffset now)
    {
        var version = state.State.Version;
        await state.WriteStateAsync();
        _savedVersion = version;
        _lastSave = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team board {BrokerageId} tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string brokerageId);
}
