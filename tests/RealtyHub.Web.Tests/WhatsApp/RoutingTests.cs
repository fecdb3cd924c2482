using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Realtime;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>Who gets a new conversation, what happens when nobody can take it, and speed-to-lead.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class RoutingTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task An_agent_who_loses_a_conversation_to_reassignment_hears_about_it_live()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob", Online: false));
        await using var ann = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var connection = await ann.ConnectAsync();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<ConversationSummary>();
        connection.On<ConversationSummary, ChatMessage?>(nameof(IConsoleClient.ConversationChanged), (c, _) => heard.Enqueue(c));
        var client = ClockedHubFixture.NewClientPhone();
        var first = await hub.ClientWritesAsync(brokerage, client, "Hello");
        Assert.Equal(brokerage.AgentIds[0], first.Summary.AssignedAgentId);
        await Eventually.GetAsync(() => Task.FromResult(heard.Count), n => n > 0, TimeSpan.FromSeconds(10), "ann to hear of her new conversation");

        await hub.Conversation(brokerage, client).AssignAsync(brokerage.AgentIds[1], "Supervisor");

        var moved = await Eventually.GetAsync(
            () => Task.FromResult(heard.LastOrDefault()), c => c?.AssignedAgentId == brokerage.AgentIds[1], TimeSpan.FromSeconds(10), "ann to hear it went to bob");
        Assert.Equal(first.Summary.ConversationId, moved!.ConversationId);
    }

    [Fact]
    public async Task New_conversations_go_round_robin_among_online_agents()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob"), new TestAgent("cat", Online: false));

        var assigned = new List<string?>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            assigned.Add((await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "Hello")).Summary.AssignedAgentId);
        }

        Assert.All(assigned, a => Assert.Contains(a, brokerage.AgentIds.Take(2)));
        Assert.NotEqual(assigned[0], assigned[1]);
        Assert.Equal(assigned[0], assigned[2]);
        Assert.Equal(assigned[1], assigned[3]);
    }

    [Fact]
    public async Task Agents_at_capacity_get_no_more_and_a_resolved_conversation_frees_a_place_for_the_queue()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann", Capacity: 1), new TestAgent("bob", Capacity: 1));
        var first = await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "One");
        await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "Two");
        var thirdClient = ClockedHubFixture.NewClientPhone();

        var third = await hub.ClientWritesAsync(brokerage, thirdClient, "Three");
        Assert.Null(third.Summary.AssignedAgentId);

        await hub.Conversation(brokerage, first.Summary.ClientPhone).SetStatusAsync(ConversationStatus.Resolved, "test");
        var later = await Eventually.GetAsync(
            () => hub.Conversation(brokerage, thirdClient).GetAsync(),
            v => v!.Summary.AssignedAgentId is not null,
            TimeSpan.FromSeconds(20),
            "the queued conversation to be assigned");
        Assert.Equal(first.Summary.AssignedAgentId, later!.Summary.AssignedAgentId);
    }

    [Fact]
    public async Task When_nobody_is_online_the_oldest_waiting_conversation_is_served_first()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann", Online: false, Capacity: 1));
        var older = ClockedHubFixture.NewClientPhone();
        var newer = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, older, "I wrote first");
        await hub.ClientWritesAsync(brokerage, newer, "I wrote second");

        await hub.SetPresenceAsync(brokerage.Id, brokerage.AgentIds[0], AgentPresence.Online);

        var served = await Eventually.GetAsync(
            () => hub.Conversation(brokerage, older).GetAsync(),
            v => v!.Summary.AssignedAgentId is not null,
            TimeSpan.FromSeconds(20),
            "the older conversation to be assigned");
        Assert.Equal(brokerage.AgentIds[0], served!.Summary.AssignedAgentId);
        Assert.Null((await hub.Conversation(brokerage, newer).GetAsync())!.Summary.AssignedAgentId);
    }

    [Fact]
    public async Task An_arabic_speaking_agent_gets_the_client_who_writes_in_arabic()
    {
        var brokerage = await hub.CreateBrokerageAsync(
            TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob"), new TestAgent("noor", LanguageList: ["en", "ar"]));

        foreach (var _ in Enumerable.Range(0, 3))
        {
            var view = await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "مرحبا، أبحث عن شقة في دبي مارينا");
            Assert.Equal(brokerage.AgentIds[2], view.Summary.AssignedAgentId);
        }
    }

    [Fact]
    public async Task Missed_first_response_sla_moves_the_conversation_to_the_next_agent_and_alerts_supervisors()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromMinutes(5), new TestAgent("ann"), new TestAgent("bob"));
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var alerts = new TaskCompletionSource<HubAlert>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = await supervisor.ConnectAsync();
        connection.On<HubAlert>(nameof(IConsoleClient.AlertRaised), a => alerts.TrySetResult(a));
        var client = ClockedHubFixture.NewClientPhone();
        var first = await hub.ClientWritesAsync(brokerage, client, "Hello? Anyone there?");
        var missedBy = first.Summary.AssignedAgentId!;
        Assert.NotNull(first.Summary.FirstResponseDueAt);

        await hub.Conversation(brokerage, client).CheckFirstResponseAsync();
        Assert.Equal(missedBy, (await hub.Conversation(brokerage, client).GetAsync())!.Summary.AssignedAgentId);

        hub.Clock.Advance(TimeSpan.FromMinutes(6));
        await hub.Conversation(brokerage, client).CheckFirstResponseAsync();

        var after = (await hub.Conversation(brokerage, client).GetAsync())!.Summary;
        Assert.NotEqual(missedBy, after.AssignedAgentId);
        Assert.Contains(after.AssignedAgentId, brokerage.AgentIds);
        var alert = await alerts.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("first-response-sla", alert.Kind);
        Assert.Equal(ConversationKeys.LocalId(client), alert.ConversationId);
        await using var db = new NpgsqlConnection(hub.App.Services.GetRequiredService<RealtyHub.Hosting.Database.HubDatabase>().ConnectionString);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*)::int from audit_events where brokerage_id = @b and action = 'conversation.sla-breached'", new { b = brokerage.Id }));
    }

    [Fact]
    public async Task An_agents_live_feed_carries_their_own_conversations_but_not_a_colleagues()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob"));
        var heard = new Dictionary<string, List<ConversationSummary>> { ["ann"] = [], ["bob"] = [] };
        var connections = new List<HubClient>();
        foreach (var name in heard.Keys)
        {
            var agent = await hub.SignInAsync($"{name}@{brokerage.Id}.test");
            connections.Add(agent);
            var connection = await agent.ConnectAsync();
            var list = heard[name];
            connection.On<ConversationSummary, ChatMessage?>(nameof(IConsoleClient.ConversationChanged), (c, _) =>
            {
                lock (list)
                {
                    list.Add(c);
                }
            });
        }

        // Round robin gives one conversation to each; each agent must hear only their own.
        var first = await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "First client");
        var second = await hub.ClientWritesAsync(brokerage, ClockedHubFixture.NewClientPhone(), "Second client");
        Assert.NotEqual(first.Summary.AssignedAgentId, second.Summary.AssignedAgentId);
        var names = new Dictionary<string, string> { [brokerage.AgentIds[0]] = "ann", [brokerage.AgentIds[1]] = "bob" };
        foreach (var view in new[] { first, second })
        {
            var owner = heard[names[view.Summary.AssignedAgentId!]];
            await Eventually.GetAsync(
                () => Task.FromResult(Snapshot(owner)), l => l.Any(c => c.ConversationId == view.Summary.ConversationId), TimeSpan.FromSeconds(10), "the owner's event");
        }

        Assert.All(Snapshot(heard["ann"]), c => Assert.Equal(brokerage.AgentIds[0], c.AssignedAgentId));
        Assert.All(Snapshot(heard["bob"]), c => Assert.Equal(brokerage.AgentIds[1], c.AssignedAgentId));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static List<ConversationSummary> Snapshot(List<ConversationSummary> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    [Fact]
    public async Task Supervisor_reassigns_a_conversation_but_an_agent_cannot_take_a_colleagues()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob"));
        var client = ClockedHubFixture.NewClientPhone();
        var view = await hub.ClientWritesAsync(brokerage, client, "Hi");
        var owner = view.Summary.AssignedAgentId!;
        var other = brokerage.AgentIds.Single(a => a != owner);
        var otherName = other == brokerage.AgentIds[0] ? "ann" : "bob";
        await using var colleague = await hub.SignInAsync($"{otherName}@{brokerage.Id}.test");
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var path = $"api/brokerages/{brokerage.Id}/conversations/{ConversationKeys.LocalId(client)}/assignment";

        var byColleague = await colleague.Http.PutAsJsonAsync(path, new { agentId = other });
        var bySupervisor = await supervisor.Http.PutAsJsonAsync(path, new { agentId = other });

        Assert.Equal(HttpStatusCode.NotFound, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        Assert.Equal(other, (await hub.Conversation(brokerage, client).GetAsync())!.Summary.AssignedAgentId);
    }
}
