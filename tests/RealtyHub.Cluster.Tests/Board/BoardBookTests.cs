using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Cluster.Tests.Board;

/// <summary>The board's arithmetic on its own: reports in, aggregates and alerts out, time given by the test.</summary>
public sealed class BoardBookTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero); // 12:00 in Dubai
    private static readonly TimeZoneInfo Dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");
    private static readonly string[] AgentIds = ["a1", "a2", "a3"];
    private static readonly BoardThresholds Thresholds = new(TimeSpan.FromMinutes(10), ExpertBacklog: 2);

    [Fact]
    public void A_reply_to_a_waiting_client_is_a_response_sample_counted_for_the_hour_and_the_day()
    {
        var book = NewBook();
        var since = Noon.AddMinutes(-3);
        book.ApplyConversation(Summary("c1", "a1", since), Inbound(since), Stamp(1), Noon);
        book.ApplyConversation(Summary("c1", "a1", null), Reply(Noon), Stamp(2), Noon);

        var board = book.Snapshot(Noon, Dubai);

        Assert.Equal(new ResponseStats(1, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)), board.Queue.LastHour);
        Assert.Equal(1, board.Queue.Today.Count);
        Assert.Equal(1, board.Queue.InboundToday);
        Assert.Equal(0, board.Queue.AwaitingReply);
        Assert.Equal(1, board.LastHour[^1].Responses);
        Assert.Equal(TimeSpan.FromMinutes(3), board.LastHour[^1].MedianResponse);
        Assert.Equal(1, board.LastHour.Single(b => b.Minute == Minute(since)).Inbound);
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_samples()
    {
        TimeSpan[] sorted = [.. Enumerable.Range(1, 10).Select(i => TimeSpan.FromSeconds(i))];

        Assert.Equal(TimeSpan.FromSeconds(5), BoardBook.Percentile(sorted, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(9), BoardBook.Percentile(sorted, 0.9));
        Assert.Equal(TimeSpan.FromSeconds(7), BoardBook.Percentile([TimeSpan.FromSeconds(7)], 0.9));
    }

    [Fact]
    public void Today_starts_at_midnight_in_the_brokerage_time_zone()
    {
        var book = NewBook();
        var beforeMidnight = new DateTimeOffset(2026, 11, 26, 19, 59, 0, TimeSpan.Zero); // 23:59 Dubai, yesterday
        var afterMidnight = new DateTimeOffset(2026, 11, 26, 20, 1, 0, TimeSpan.Zero); // 00:01 Dubai, today
        book.ApplyConversation(Summary("c1", null, beforeMidnight), Inbound(beforeMidnight), Stamp(1), beforeMidnight);
        book.ApplyConversation(Summary("c2", null, afterMidnight), Inbound(afterMidnight), Stamp(1), afterMidnight);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero), BoardBook.StartOfDay(Noon, Dubai));
        var later = afterMidnight.AddHours(1); // 01:01 in Dubai, 21:01 UTC the day before
        Assert.Equal(1, book.Snapshot(later, Dubai).Queue.InboundToday);
        Assert.Equal(2, book.Snapshot(later, TimeZoneInfo.Utc).Queue.InboundToday);
    }

    [Fact]
    public void An_older_report_does_not_overwrite_a_newer_one_but_its_message_still_counts()
    {
        var book = NewBook();
        book.ApplyConversation(Summary("c1", "a1", null), null, new EventStamp(2, 1), Noon);
        var applied = book.ApplyConversation(Summary("c1", null, Noon), Inbound(Noon), new EventStamp(1, 9), Noon);

        var board = book.Snapshot(Noon, Dubai);
        Assert.True(applied);
        Assert.Equal(0, board.Queue.Unassigned);
        Assert.Equal(1, board.Agents.Single(a => a.AgentId == "a1").OpenConversations);
        Assert.Equal(1, board.Queue.InboundToday);
    }

    [Fact]
    public void Agents_show_their_open_conversations_and_their_oldest_waiting_client()
    {
        var book = NewBook();
        book.ApplyConversation(Summary("c1", "a1", Noon.AddMinutes(-2)), null, Stamp(1), Noon);
        book.ApplyConversation(Summary("c2", "a1", Noon.AddMinutes(-7)), null, Stamp(1), Noon);
        book.ApplyConversation(Summary("c3", "a1", null, ConversationStatus.Resolved), null, Stamp(1), Noon);
        book.ApplyConversation(Summary("c4", null, Noon.AddMinutes(-1)), null, Stamp(1), Noon);
        book.ApplyVoiceSession(new VoiceSessionReport("call-1", "a1", Live: true, Noon));

        var board = book.Snapshot(Noon, Dubai);
        var agent = board.Agents.Single(a => a.AgentId == "a1");
        Assert.Equal(2, agent.OpenConversations);
        Assert.Equal(Noon.AddMinutes(-7), agent.OldestUnansweredSince);
        Assert.True(agent.InVoiceSession);
        Assert.Equal(1, board.Queue.Unassigned);
        Assert.Equal(Noon.AddMinutes(-1), board.Queue.OldestUnassignedSince);
        Assert.Equal(3, board.Queue.AwaitingReply);
    }

    [Fact]
    public void A_lead_waiting_past_the_threshold_raises_one_alert_until_the_wait_ends_and_a_new_one_begins()
    {
        var book = NewBook();
        var since = Noon.AddMinutes(-11);
        book.ApplyConversation(Summary("c1", null, since), Inbound(since), Stamp(1), Noon);

        Assert.Empty(book.CheckConditions(since.AddMinutes(9), Thresholds));
        var first = Assert.Single(book.CheckConditions(Noon, Thresholds));
        Assert.Equal(AlertKinds.LeadWaiting, first.Kind);
        Assert.Equal("c1", first.ConversationId);
        Assert.Contains("11 min", first.Message, StringComparison.Ordinal);
        Assert.Empty(book.CheckConditions(Noon.AddMinutes(5), Thresholds));

        book.ApplyConversation(Summary("c1", "a1", null), Reply(Noon.AddMinutes(6)), Stamp(2), Noon.AddMinutes(6));
        Assert.Empty(book.CheckConditions(Noon.AddMinutes(7), Thresholds));
        var again = Noon.AddMinutes(8);
        book.ApplyConversation(Summary("c1", "a1", again), Inbound(again), Stamp(3), again);
        Assert.Single(book.CheckConditions(again.AddMinutes(10), Thresholds));
    }

    [Fact]
    public void An_agent_over_capacity_raises_an_alert_once_and_again_after_going_back_under()
    {
        var book = NewBook(capacity: 1);
        book.ApplyConversation(Summary("c1", "a1", null), null, Stamp(1), Noon);
        Assert.Empty(book.CheckConditions(Noon, Thresholds));

        book.ApplyConversation(Summary("c2", "a1", null), null, Stamp(1), Noon);
        var alert = Assert.Single(book.CheckConditions(Noon, Thresholds));
        Assert.Equal(AlertKinds.AgentOverCapacity, alert.Kind);
        Assert.Equal("a1", alert.AgentId);
        Assert.Empty(book.CheckConditions(Noon, Thresholds));

        book.ApplyConversation(Summary("c2", "a1", null, ConversationStatus.Resolved), null, Stamp(2), Noon);
        Assert.Empty(book.CheckConditions(Noon, Thresholds));
        book.ApplyConversation(Summary("c3", "a1", null), null, Stamp(1), Noon);
        Assert.Single(book.CheckConditions(Noon, Thresholds));
    }

    [Fact]
    public void Expert_backlog_and_request_sla_alerts_come_from_request_reports()
    {
        var book = NewBook();
        for (var i = 1; i <= 3; i++)
        {
            book.ApplyRequest(new BoardRequestReport($"r{i}", "AwaitingExpert", false, true, Noon.AddMinutes(-i), $"CMA {i}", false, Stamp(1)));
        }

        book.ApplyRequest(new BoardRequestReport("r4", "InReview", false, false, Noon, "Listing copy", SlaBreached: true, Stamp(1)));
        book.ApplyExpert(new BoardExpertReport("e1", "Eve", Available: true, ActiveClaims: 1, MaxClaims: 4, Stamp(1)));
        book.ApplyExpert(new BoardExpertReport("e2", "Ed", Available: false, ActiveClaims: 0, MaxClaims: 4, Stamp(1)));

        var alerts = book.CheckConditions(Noon, Thresholds);
        var board = book.Snapshot(Noon, Dubai);

        Assert.Equal([AlertKinds.ExpertBacklog, AlertKinds.RequestSla], alerts.Select(a => a.Kind).Order());
        Assert.Equal(3, board.Requests.WaitingForExpert);
        Assert.Equal(Noon.AddMinutes(-3), board.Requests.OldestWaitingSince);
        Assert.Equal([new StateCount("AwaitingExpert", 3), new StateCount("InReview", 1)], board.Requests.ByState.ToArray());
        Assert.Equal(1, board.Requests.ExpertsAvailable);
        Assert.Equal(0.25, board.Requests.ExpertUtilisation);
    }

    [Fact]
    public void An_acknowledgement_records_who_and_when_and_a_second_one_keeps_the_first()
    {
        var book = NewBook();
        var alert = new HubAlert("al-1", "b1", AlertKinds.FirstResponseSla, "missed", Noon, "c1", "a1");
        Assert.True(book.ApplyAlert(alert));
        Assert.False(book.ApplyAlert(alert));

        Assert.True(book.Acknowledge("al-1", "Sam Supervisor", Noon.AddMinutes(1)));
        Assert.True(book.Acknowledge("al-1", "Olive Owner", Noon.AddMinutes(2)));
        Assert.False(book.Acknowledge("nope", "Sam Supervisor", Noon));

        var shown = Assert.Single(book.Snapshot(Noon, Dubai).Alerts);
        Assert.Equal(("Sam Supervisor", Noon.AddMinutes(1)), (shown.AcknowledgedBy, shown.AcknowledgedAt));
        Assert.Equal(1, book.Snapshot(Noon, Dubai).Queue.SlaBreachesToday);
    }

    [Fact]
    public void History_older_than_a_day_is_pruned()
    {
        var book = NewBook();
        var old = Noon.AddHours(-26);
        book.ApplyConversation(Summary("c1", "a1", old), Inbound(old), Stamp(1), old);
        book.ApplyConversation(Summary("c1", "a1", null, ConversationStatus.Resolved), Reply(old.AddMinutes(1)), Stamp(2), old);

        book.Prune(Noon);

        Assert.Empty(book.State.Responses);
        Assert.Empty(book.State.InboundPerMinute);
        Assert.Empty(book.State.Conversations);
    }

    /// <summary>
    /// Property: whatever order the reports of many conversations arrive in, the board ends up with each conversation's
    /// latest report and counts every inbound message exactly once.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Aggregates_equal_the_latest_reports_whatever_the_arrival_order(int seed)
    {
        var random = new Random(seed);
        var reports = new List<(ConversationSummary Summary, ChatMessage? Message, EventStamp Stamp)>();
        var latest = new Dictionary<string, ConversationSummary>();
        var inbound = 0;
        for (var c = 0; c < 40; c++)
        {
            var id = $"c{c}";
            var epoch = random.Next(1, 3);
            for (var s = 1; s <= random.Next(1, 12); s++)
            {
                var agent = random.Next(4) == 0 ? null : $"a{random.Next(1, 4)}";
                var waiting = random.Next(2) == 0 ? Noon.AddMinutes(-random.Next(1, 30)) : (DateTimeOffset?)null;
                var status = random.Next(6) == 0 ? ConversationStatus.Resolved : ConversationStatus.Open;
                var message = random.Next(3) == 0 ? Inbound(Noon.AddSeconds(-random.Next(3000))) : null;
                inbound += message is null ? 0 : 1;
                var summary = Summary(id, agent, waiting, status);
                reports.Add((summary, message, new EventStamp(epoch, s)));
                latest[id] = summary;
            }
        }

        var book = NewBook();
        foreach (var (summary, message, stamp) in reports.OrderBy(_ => random.Next()))
        {
            book.ApplyConversation(summary, message, stamp, Noon);
        }

        var board = book.Snapshot(Noon, TimeZoneInfo.Utc);
        var open = latest.Values.Where(c => c.Status == ConversationStatus.Open).ToList();
        Assert.Equal(open.Count(c => c.AssignedAgentId is null), board.Queue.Unassigned);
        Assert.Equal(open.Count(c => c.AwaitingReplySince is not null), board.Queue.AwaitingReply);
        Assert.Equal(open.Where(c => c.AssignedAgentId is null).Min(c => c.AwaitingReplySince), board.Queue.OldestUnassignedSince);
        Assert.Equal(inbound, board.Queue.InboundToday);
        foreach (var agent in board.Agents)
        {
            Assert.Equal(open.Count(c => c.AssignedAgentId == agent.AgentId), agent.OpenConversations);
        }
    }

    private static BoardBook NewBook(int capacity = 8)
    {
        var book = new BoardBook("b1", new BoardState());
        foreach (var id in AgentIds.Take(capacity == 8 ? 3 : 1))
        {
            book.ApplyAgent(new AgentSnapshot("b1", id, new AgentProfile($"Agent {id}", $"{id}@b1.test", ["en"], [], capacity), AgentPresence.Online, Noon));
        }

        return book;
    }

    private static ConversationSummary Summary(string id, string? agentId, DateTimeOffset? awaitingSince, ConversationStatus status = ConversationStatus.Open) =>
        new("b1", id, "+971500000000", $"Client {id}", null, agentId, status, awaitingSince, Noon, null, 0, false, null, "+97145550100", awaitingSince);

    private static ChatMessage Inbound(DateTimeOffset at) =>
        new($"SM{Guid.NewGuid():N}", MessageDirection.Inbound, "Hi", [], at, DeliveryStatus.Received);

    private static ChatMessage Reply(DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), MessageDirection.Outbound, "Hello!", [], at, DeliveryStatus.Queued, "a1");

    private static EventStamp Stamp(long sequence) => new(1, sequence);

    private static DateTimeOffset Minute(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 60 * 60);
}
