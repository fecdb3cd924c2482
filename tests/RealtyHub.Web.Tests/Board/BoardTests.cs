using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Tests.WhatsApp;

namespace RealtyHub.Web.Tests.Board;

/// <summary>The team board over the whole stack: WhatsApp webhooks and agents' actions in, SignalR snapshots and the API out.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class BoardTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task Board_aggregates_equal_the_conversations_after_many_concurrent_events()
    {
        var brokerage = await hub.CreateBrokerageAsync(
            TimeSpan.FromHours(1), new TestAgent("ann", Capacity: 4), new TestAgent("bob", Capacity: 4), new TestAgent("cat", Capacity: 3), new TestAgent("dan", Online: false));
        var random = new Random(7);
        var clients = Enumerable.Range(0, 16).Select(_ => ClockedHubFixture.NewClientPhone()).Distinct().ToList();
        var sends = clients.SelectMany(c => Enumerable.Repeat(c, random.Next(1, 4))).OrderBy(_ => random.Next()).ToList();

        // Phase 1: clients write all at once (several messages each, interleaved).
        await Task.WhenAll(sends.Select(async phone =>
            Assert.Equal(200, (await hub.Emulator.SendInboundAsync(phone, brokerage.WhatsAppNumber, "Hello", null, null)).WebhookStatusCode)));
        await Eventually.GetAsync(
            async () => (await Task.WhenAll(clients.Select(c => hub.Conversation(brokerage, c).GetAsync()))).Sum(v => v?.RecentMessages.Length ?? 0),
            n => n == sends.Count, TimeSpan.FromSeconds(30), "every message in its conversation");

        // Phase 2: agents answer, resolve and a supervisor reassigns, all concurrently.
        var views = (await Task.WhenAll(clients.Select(c => hub.Conversation(brokerage, c).GetAsync()))).Select(v => v!.Summary).ToList();
        var replies = views.Where(v => v.AssignedAgentId is not null).Where((_, i) => i % 2 == 0).ToList();
        var resolved = views.Except(replies).Where((_, i) => i % 3 == 0).ToList();
        var reassigned = views.Except(resolved).Where(v => v.AssignedAgentId is null).Take(2).ToList();
        await Task.WhenAll(
            replies.Select(v => hub.Conversation(brokerage, v.ClientPhone).ReplyAsync(new ReplyRequest(v.AssignedAgentId!, $"r-{v.ConversationId}", "On it!")))
                .Concat<Task>(resolved.Select(v => hub.Conversation(brokerage, v.ClientPhone).SetStatusAsync(ConversationStatus.Resolved, "test")))
                .Concat(reassigned.Select(v => hub.Conversation(brokerage, v.ClientPhone).AssignAsync(brokerage.AgentIds[3], "test"))));

        // Freed capacity lets routing assign queued conversations in the background, so the truth is read again on
        // every poll: the board must settle on exactly what the conversations settle on.
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        List<ConversationSummary> open = [];
        var board = await Eventually.GetAsync(
            async () =>
            {
                var snapshot = await supervisor.Http.GetFromJsonAsync<BoardSnapshot>($"api/brokerages/{brokerage.Id}/board/", TestJson.Options);
                open = [.. (await Task.WhenAll(clients.Select(c => hub.Conversation(brokerage, c).GetAsync())))
                    .Select(v => v!.Summary).Where(c => c.Status == ConversationStatus.Open)];
                return snapshot;
            },
            b => b!.Queue.Unassigned == open.Count(c => c.AssignedAgentId is null)
                 && b.Queue.AwaitingReply == open.Count(c => c.AwaitingReplySince is not null)
                 && b.Queue.LastHour.Count == replies.Count
                 && brokerage.AgentIds.All(id => b.Agents.Single(a => a.AgentId == id).OpenConversations == open.Count(c => c.AssignedAgentId == id)),
            TimeSpan.FromSeconds(20), "the board to match the conversations");

        Assert.Equal(sends.Count, board!.Queue.InboundToday);
        Assert.Equal(sends.Count, board.LastHour.Sum(m => m.Inbound));
        Assert.Equal(replies.Count, board.LastHour.Sum(m => m.Responses));
        Assert.Equal(open.Where(c => c.AssignedAgentId is null).Min(c => c.AwaitingReplySince), board.Queue.OldestUnassignedSince);
        foreach (var agentId in brokerage.AgentIds)
        {
            var row = board.Agents.Single(a => a.AgentId == agentId);
            Assert.Equal(open.Count(c => c.AssignedAgentId == agentId), row.OpenConversations);
            Assert.Equal(open.Where(c => c.AssignedAgentId == agentId).Min(c => c.AwaitingReplySince), row.OldestUnansweredSince);
        }
    }

    [Fact]
    public async Task Supervisors_get_at_most_four_board_updates_a_second_and_the_last_one_is_current()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann", Capacity: 50));
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var connection = await supervisor.ConnectAsync();
        var pushes = new ConcurrentQueue<BoardSnapshot>();
        connection.On<BoardSnapshot>(nameof(IConsoleClient.BoardChanged), pushes.Enqueue);

        const int Messages = 60;
        var clients = Enumerable.Range(0, 12).Select(_ => ClockedHubFixture.NewClientPhone()).ToList();
        await Task.WhenAll(Enumerable.Range(0, Messages).Select(i =>
            hub.Emulator.SendInboundAsync(clients[i % clients.Count], brokerage.WhatsAppNumber, $"Message {i}", null, null)));
        await Eventually.GetAsync(() => Task.FromResult(pushes.LastOrDefault()), b => b?.Queue.InboundToday == Messages, TimeSpan.FromSeconds(20), "a push with every message");

        var times = pushes.Select(p => p.At).ToList();
        Assert.True(times.Count >= 2, $"expected several pushes during the burst, got {times.Count}");
        for (var i = 0; i + ITeamBoardGrain.MaxUpdatesPerSecond < times.Count; i++)
        {
            // Any five consecutive pushes span at least a second: never more than four in one second.
            Assert.True(times[i + ITeamBoardGrain.MaxUpdatesPerSecond] - times[i] >= TimeSpan.FromMilliseconds(990),
                $"pushes {i}..{i + ITeamBoardGrain.MaxUpdatesPerSecond} came within {times[i + ITeamBoardGrain.MaxUpdatesPerSecond] - times[i]}");
        }

        Assert.Equal(pushes.Select(p => p.Version).Order(), pushes.Select(p => p.Version));
    }

    [Fact]
    public async Task A_client_waiting_past_the_threshold_raises_an_alert_that_a_supervisor_acknowledges()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann", Online: false));
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var connection = await supervisor.ConnectAsync();
        var raised = new TaskCompletionSource<HubAlert>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<HubAlert>(nameof(IConsoleClient.AlertRaised), a => raised.TrySetResult(a));
        var client = ClockedHubFixture.NewClientPhone();
        var conversation = await hub.ClientWritesAsync(brokerage, client, "Is anyone there?");

        hub.Clock.Advance(TimeSpan.FromMinutes(11));

        var alert = await raised.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(AlertKinds.LeadWaiting, alert.Kind);
        Assert.Equal(conversation.Summary.ConversationId, alert.ConversationId);
        Assert.Contains("unassigned", alert.Message, StringComparison.Ordinal);

        var ack = await supervisor.Http.PostAsync(new Uri($"api/brokerages/{brokerage.Id}/board/alerts/{alert.AlertId}/ack", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        var board = await supervisor.Http.GetFromJsonAsync<BoardSnapshot>($"api/brokerages/{brokerage.Id}/board/", TestJson.Options);
        var shown = board!.Alerts.Single(a => a.Alert.AlertId == alert.AlertId);
        Assert.Equal("Supervisor", shown.AcknowledgedBy);
        Assert.NotNull(shown.AcknowledgedAt);

        var unknown = await supervisor.Http.PostAsync(new Uri($"api/brokerages/{brokerage.Id}/board/alerts/no-such-alert/ack", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no such alert", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_first_response_is_counted_as_an_sla_breach_today_and_shown_in_the_alerts()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromMinutes(5), new TestAgent("ann"), new TestAgent("bob"));
        var client = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, client, "Hello?");

        hub.Clock.Advance(TimeSpan.FromMinutes(6));
        await hub.Conversation(brokerage, client).CheckFirstResponseAsync();

        var board = await Eventually.GetAsync(
            () => hub.Grains.GetGrain<ITeamBoardGrain>(brokerage.Id).GetAsync(),
            b => b.Queue.SlaBreachesToday == 1, TimeSpan.FromSeconds(10), "the breach on the board");
        Assert.Contains(board.Alerts, a => a.Alert.Kind == AlertKinds.FirstResponseSla && a.Alert.ConversationId == ConversationKeys.LocalId(client));
    }

    [Fact]
    public async Task Agents_cannot_open_the_board()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");

        var response = await agent.Http.GetAsync(new Uri($"api/brokerages/{brokerage.Id}/board/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
