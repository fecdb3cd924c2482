using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.Grains.Agents;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;

namespace RealtyHub.Web.Tests;

/// <summary>Presence through the API and hub: who may change it, clear errors, and live delivery to the team.</summary>
[Collection(HubCollection.Name)]
public sealed class PresenceApiTests(HubWebFixture hub)
{
    [Fact]
    public async Task Agent_sets_own_presence_and_supervisors_console_hears_it_live()
    {
        var email = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var agent = await hub.SignInAsync(email);
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var heard = new TaskCompletionSource<AgentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = await supervisor.ConnectAsync();
        connection.On<AgentSnapshot>(nameof(IConsoleClient.AgentChanged), a =>
        {
            if (a.AgentId == agent.Caller!.UserId && a.Presence == AgentPresence.Away)
            {
                heard.TrySetResult(a);
            }
        });

        var response = await agent.Http.PutAsJsonAsync(
            $"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agent.Caller!.UserId}/presence", new { presence = "Away" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pushed = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(email, pushed.Profile.Email);
        var stored = await HubWebFixture.FindAgentAsync(supervisor, HubWebFixture.BrokerageA, email);
        Assert.Equal(AgentPresence.Away, stored.Presence);
    }

    [Fact]
    public async Task Agent_cannot_change_a_colleagues_presence_but_a_supervisor_can()
    {
        var email = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var colleague = await hub.SignInAsync(HubWebFixture.AgentA);
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var target = await HubWebFixture.FindAgentAsync(supervisor, HubWebFixture.BrokerageA, email);
        var path = $"api/brokerages/{HubWebFixture.BrokerageA}/agents/{target.AgentId}/presence";

        var byColleague = await colleague.Http.PutAsJsonAsync(path, new { presence = "Busy" });
        var bySupervisor = await supervisor.Http.PutAsJsonAsync(path, new { presence = "Busy" });

        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        Assert.Equal(AgentPresence.Busy, (await HubWebFixture.FindAgentAsync(supervisor, HubWebFixture.BrokerageA, email)).Presence);
    }

    [Theory]
    [InlineData("{\"presence\":\"Sleeping\"}")]
    [InlineData("{\"presence\":42}")]
    [InlineData("{}")]
    public async Task Invalid_presence_gets_a_400_that_says_what_is_allowed(string body)
    {
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await agent.Http.PutAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agent.Caller!.UserId}/presence", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_agent_is_a_404_problem_for_reads_and_writes()
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);

        var read = await supervisor.Http.GetAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/no-such-agent");
        var write = await supervisor.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/no-such-agent/presence", new { presence = "Away" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Hub_rejects_an_undefined_presence_with_a_reason()
    {
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);
        var connection = await agent.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<AgentSnapshot>(nameof(ConsoleHub.SetPresence), HubWebFixture.BrokerageA, agent.Caller!.UserId, (AgentPresence)99));

        Assert.Contains("Presence must be one of", error.Message);
    }
}
