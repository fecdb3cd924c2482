using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Conversations;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Realtime;

namespace RealtyHub.Web.Tests;

/// <summary>
/// Two web nodes, each co-hosting a silo, in one cluster on one PostgreSQL: what happens on one node reaches a
/// console connected to the other (each node subscribes to the brokerage's events and fans out to its own connections).
/// </summary>
public sealed class MultiNodeTests
{
    [Fact]
    public async Task Presence_changed_and_a_whatsapp_message_received_on_node_one_reach_a_supervisor_connected_to_node_two()
    {
        var database = await TestPostgres.CreateDatabaseAsync("twonodes");
        var cluster = $"two-nodes-{Guid.NewGuid():N}";
        await using var nodeOne = new HubWebApp(HubWebApp.SettingsFor(database, cluster));
        var second = HubWebApp.SettingsFor(database, cluster);
        second["RealtyHub:Demo:Enabled"] = "false";
        second["Twilio:AccountSid"] = DemoTwilio.AccountSid;
        second["Twilio:AuthToken"] = DemoTwilio.AuthToken;
        second["Twilio:ApiBaseUrl"] = new Uri(nodeOne.BaseAddress, "twilio-emulator").ToString();
        await using var nodeTwo = new HubWebApp(second);

        await using var supervisor = await HubClient.SignInAsync(nodeTwo.BaseAddress, HubWebFixture.SupervisorA, HubWebFixture.Password);
        var connection = await supervisor.ConnectAsync();
        var presence = new TaskCompletionSource<AgentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var conversation = new TaskCompletionSource<ConversationSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<AgentSnapshot>(nameof(IConsoleClient.AgentChanged), a =>
        {
            if (a.Presence == AgentPresence.Away)
            {
                presence.TrySetResult(a);
            }
        });
        connection.On<ConversationSummary, ChatMessage?>(nameof(IConsoleClient.ConversationChanged), (c, _) => conversation.TrySetResult(c));

        await using var agent = await HubClient.SignInAsync(nodeOne.BaseAddress, HubWebFixture.AgentA, HubWebFixture.Password);
        var set = await agent.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agent.Caller!.UserId}/presence", new { presence = "Away" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var heard = await presence.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(agent.Caller.UserId, heard.AgentId);

        var sent = await nodeOne.Services.GetRequiredService<TwilioEmulatorService>()
            .SendInboundAsync("+971507770001", DemoDataSeeder.DemoWhatsAppNumber, "Hello from a client", "Cross Node", null);
        Assert.Equal(200, sent.WebhookStatusCode);
        var arrived = await conversation.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("971507770001", arrived.ConversationId);
    }
}
