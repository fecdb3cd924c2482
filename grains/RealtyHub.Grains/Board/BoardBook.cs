using System.Collections.Immutable;
using System.Globalization;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Board;

/// <summary>
/// The team board's arithmetic over <see cref="BoardState"/>: applies reports, raises alerts when a condition starts
/// to hold, and computes snapshots. Pure (time comes in as arguments), so it is tested without a cluster.
/// </summary>
public sealed class BoardBook(string brokerageId, BoardState state)
{
    public const int MaxAlerts = 100;
    public const int AlertsShown = 50;

    /// <summary>History kept for "today" in any time zone.</summary>
    public static readonly TimeSpan History = TimeSpan.FromHours(25);

    /// <summary>How long a resolved conversation's stamp is kept to recognise late reports.</summary>
    public static readonly TimeSpan ResolvedRetention = TimeSpan.FromHours(1);

    public BoardState State => state;

    /// <summary>Applies a conversation report; <c>false</c> if it changed nothing (an older report than the one held).</summary>
    public bool ApplyConversation(ConversationSummary conversation, ChatMessage? message, EventStamp stamp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var changed = false;
        if (message is { Direction: MessageDirection.Inbound })
        {
            // Each report is sent once, so its message counts even when an out-of-order report is too old for the state.
            var minute = MinuteOf(message.At);
            state.InboundPerMinute[minute] = state.InboundPerMinute.GetValueOrDefault(minute) + 1;
            changed = true;
        }

        state.Conversations.TryGetValue(conversation.ConversationId, out var previous);
        if (previous is not null && stamp <= previous.Stamp)
        {
            return Changed(changed);
        }

        if (previous?.AwaitingReplySince is { } since && conversation.AwaitingReplySince is null
            && message is { Direction: MessageDirection.Outbound, Status: DeliveryStatus.Queued } reply)
        {
            state.Responses.Add(new ResponseSample(reply.At, reply.At - since));
        }

        state.Conversations[conversation.ConversationId] = new TrackedConversation(
            conversation.ConversationId, conversation.AssignedAgentId, conversation.Status, conversation.AwaitingReplySince,
            conversation.ClientName ?? conversation.ClientPhone, stamp, now);
        return Changed(true);
    }

    /// <summary>Replaces the conversations with the stored truth (on activation); reports newer than the store win later.</summary>
    public void LoadConversations(IEnumerable<ConversationSummary> open, DateTimeOffset now)
    {
        state.Conversations.Clear();
        foreach (var c in open)
        {
            state.Conversations[c.ConversationId] = new TrackedConversation(
                c.ConversationId, c.AssignedAgentId, c.Status, c.AwaitingReplySince, c.ClientName ?? c.ClientPhone, default, now);
        }

        Changed(true);
    }

    public bool ApplyAgent(AgentSnapshot agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        state.Agents[agent.AgentId] = agent;
        return Changed(true);
    }

    public bool ApplyRequest(BoardRequestReport request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.Requests.TryGetValue(request.RequestId, out var previous) && request.Stamp <= previous.Stamp)
        {
            return false;
        }

        state.Requests[request.RequestId] = request;
        return Changed(true);
    }

    public bool ApplyExpert(BoardExpertReport expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (state.Experts.TryGetValue(expert.ExpertId, out var previous) && expert.Stamp <= previous.Stamp)
        {
            return false;
        }

        state.Experts[expert.ExpertId] = expert;
        return Changed(true);
    }

    public bool ApplyVoiceSession(VoiceSessionReport session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Live)
        {
            state.VoiceSessions[session.SessionId] = session;
        }
        else
        {
            state.VoiceSessions.Remove(session.SessionId);
        }

        return Changed(true);
    }

    /// <summary>Adds an alert raised elsewhere; <c>false</c> if the board already has it.</summary>
    public bool ApplyAlert(HubAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (state.Alerts.Exists(a => a.Alert.AlertId == alert.AlertId))
        {
            return false;
        }

        if (alert.Kind == AlertKinds.FirstResponseSla)
        {
            state.SlaBreaches.Add(alert.At);
        }

        state.Alerts.Insert(0, new BoardAlert(alert, null, null));
        if (state.Alerts.Count > MaxAlerts)
        {
            state.Alerts.RemoveRange(MaxAlerts, state.Alerts.Count - MaxAlerts);
        }

        return Changed(true);
    }

    /// <summary><c>false</c> if there is no such alert; a second acknowledgement keeps the first one's who and when.</summary>
    public bool Acknowledge(string alertId, string actor, DateTimeOffset now)
    {
        var index = state.Alerts.FindIndex(a => a.Alert.AlertId == alertId);
        if (index < 0)
        {
            return false;
        }

        if (!state.Alerts[index].IsAcknowledged)
        {
            state.Alerts[index] = state.Alerts[index] with { AcknowledgedBy = actor, AcknowledgedAt = now };
            Changed(true);
        }

        return true;
    }

    /// <summary>
    /// Raises an alert for each condition that holds now and did not hold at the last check; a condition that
    /// clears may raise again later. Returns the alerts raised (already added to the board).
    /// </summary>
    public IReadOnlyList<HubAlert> CheckConditions(DateTimeOffset now, BoardThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var holding = new Dictionary<string, Func<HubAlert>>(StringComparer.Ordinal);
        foreach (var c in OpenConversations().Where(c => c.AwaitingReplySince is { } since && now - since >= thresholds.LeadWait))
        {
            holding[$"{AlertKinds.LeadWaiting}:{c.ConversationId}:{c.AwaitingReplySince!.Value.UtcTicks}"] = () => Alert(
                AlertKinds.LeadWaiting, now,
                Say($"{c.Client} has waited {Minutes(now - c.AwaitingReplySince!.Value)} min for an answer ({(c.AgentId is null ? "unassigned" : $"assigned to {AgentName(c.AgentId)}")})."),
                c.ConversationId, c.AgentId);
        }

        var open = OpenByAgent();
        foreach (var agent in state.Agents.Values.Where(a => open.GetValueOrDefault(a.AgentId) > a.Profile.Capacity))
        {
            holding[$"{AlertKinds.AgentOverCapacity}:{agent.AgentId}"] = () => Alert(
                AlertKinds.AgentOverCapacity, now,
                Say($"{agent.Profile.DisplayName} has {open[agent.AgentId]} open conversations; their capacity is {agent.Profile.Capacity}."),
                agentId: agent.AgentId);
        }

        var waiting = WaitingRequests().Count();
        if (waiting > thresholds.ExpertBacklog)
        {
            holding[AlertKinds.ExpertBacklog] = () => Alert(
                AlertKinds.ExpertBacklog, now, Say($"{waiting} AI requests are waiting for an expert (threshold {thresholds.ExpertBacklog})."));
        }

        foreach (var request in state.Requests.Values.Where(r => r is { SlaBreached: true, IsFinished: false }))
        {
            holding[$"{AlertKinds.RequestSla}:{request.RequestId}"] = () => Alert(
                AlertKinds.RequestSla, now, Say($"Request \"{request.Summary ?? request.RequestId}\" missed its delivery SLA ({request.State})."));
        }

        var raised = new List<HubAlert>();
        foreach (var (condition, create) in holding.Where(h => !state.RaisedConditions.Contains(h.Key)))
        {
            var alert = create();
            ApplyAlert(alert);
            raised.Add(alert);
        }

        if (raised.Count > 0 || !state.RaisedConditions.SetEquals(holding.Keys))
        {
            state.RaisedConditions.Clear();
            state.RaisedConditions.UnionWith(holding.Keys);
            Changed(true);
        }

        return raised;
    }

    /// <summary>Drops history older than <see cref="History"/> and long-resolved conversations.</summary>
    public void Prune(DateTimeOffset now)
    {
        var horizon = now - History;
        state.Responses.RemoveAll(r => r.At < horizon);
        state.SlaBreaches.RemoveAll(at => at < horizon);
        foreach (var minute in state.InboundPerMinute.Keys.TakeWhile(m => m < MinuteOf(horizon)).ToList())
        {
            state.InboundPerMinute.Remove(minute);
        }

        foreach (var id in state.Conversations.Values
                     .Where(c => c.Status == ConversationStatus.Resolved && now - c.ChangedAt > ResolvedRetention)
                     .Select(c => c.ConversationId).ToList())
        {
            state.Conversations.Remove(id);
        }

        foreach (var id in state.Requests.Values.Where(r => r.IsFinished && now - r.StateSince > ResolvedRetention).Select(r => r.RequestId).ToList())
        {
            state.Requests.Remove(id);
        }
    }

    public BoardSnapshot Snapshot(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var open = OpenConversations().ToList();
        var live = state.VoiceSessions.Values.Select(s => s.AgentId).ToHashSet(StringComparer.Ordinal);
        var agents = state.Agents.Values
            .Select(a => new BoardAgent(
                a.AgentId, a.Profile.DisplayName, a.Profile.Email, a.Presence, a.PresenceChangedAt,
                open.Count(c => c.AgentId == a.AgentId), a.Profile.Capacity,
                Oldest(open.Where(c => c.AgentId == a.AgentId).Select(c => c.AwaitingReplySince)),
                live.Contains(a.AgentId)))
            .OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .ToImmutableArray();

        var startOfDay = StartOfDay(now, zone);
        var unassigned = open.Where(c => c.AgentId is null).ToList();
        var queue = new BoardWaiting(
            unassigned.Count,
            Oldest(unassigned.Select(c => c.AwaitingReplySince)),
            open.Count(c => c.AwaitingReplySince is not null),
            Stats(state.Responses.Where(r => r.At > now - TimeSpan.FromHours(1)).Select(r => r.Wait)),
            Stats(state.Responses.Where(r => r.At >= startOfDay).Select(r => r.Wait)),
            state.SlaBreaches.Count(at => at >= startOfDay),
            state.InboundPerMinute.Where(m => m.Key >= MinuteOf(startOfDay)).Sum(m => m.Value));

        return new BoardSnapshot(
            brokerageId, state.Version, now, agents, queue, Requests(), LastHour(now),
            [.. state.Alerts.Take(AlertsShown)]);
    }

    /// <summary>Nearest-rank percentile (the smallest sample with at least <paramref name="fraction"/> of samples at or below it).</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date)).ToUniversalTime();
    }

    private static ResponseStats Stats(IEnumerable<TimeSpan> waits)
    {
        var sorted = waits.Order().ToList();
        return sorted.Count == 0 ? ResponseStats.Empty : new ResponseStats(sorted.Count, Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    private ImmutableArray<MinuteBucket> LastHour(DateTimeOffset now)
    {
        var current = MinuteOf(now);
        var answers = state.Responses.Where(r => MinuteOf(r.At) > current - 60).ToLookup(r => MinuteOf(r.At), r => r.Wait);
        return [.. Enumerable.Range(0, 60).Select(i =>
        {
            var minute = current - 59 + i;
            var waits = answers[minute].Order().ToList();
            return new MinuteBucket(
                DateTimeOffset.FromUnixTimeSeconds(minute * 60), state.InboundPerMinute.GetValueOrDefault(minute), waits.Count,
                waits.Count == 0 ? null : Percentile(waits, 0.5));
        })];
    }

    private BoardRequests Requests()
    {
        var active = state.Requests.Values.Where(r => !r.IsFinished).ToList();
        var available = state.Experts.Values.Where(e => e.Available).ToList();
        return new BoardRequests(
            [.. active.GroupBy(r => r.State, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new StateCount(g.Key, g.Count()))],
            WaitingRequests().Count(),
            Oldest(WaitingRequests().Select(r => (DateTimeOffset?)r.StateSince)),
            available.Count,
            available.Sum(e => e.ActiveClaims),
            available.Sum(e => e.MaxClaims));
    }

    private IEnumerable<BoardRequestReport> WaitingRequests() => state.Requests.Values.Where(r => r is { WaitingForExpert: true, IsFinished: false });

    private IEnumerable<TrackedConversation> OpenConversations() => state.Conversations.Values.Where(c => c.Status != ConversationStatus.Resolved);

    private Dictionary<string, int> OpenByAgent() => OpenConversations()
        .Where(c => c.AgentId is not null)
        .GroupBy(c => c.AgentId!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private string AgentName(string agentId) => state.Agents.TryGetValue(agentId, out var a) ? a.Profile.DisplayName : agentId;

    private HubAlert Alert(string kind, DateTimeOffset now, string message, string? conversationId = null, string? agentId = null) =>
        new(Guid.NewGuid().ToString("N"), brokerageId, kind, message, now, conversationId, agentId);

    private bool Changed(bool changed)
    {
        if (changed)
        {
            state.Version++;
        }

        return changed;
    }

    private static DateTimeOffset? Oldest(IEnumerable<DateTimeOffset?> times) => times.Where(t => t is not null).Min();

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private static string Minutes(TimeSpan wait) => ((int)wait.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
