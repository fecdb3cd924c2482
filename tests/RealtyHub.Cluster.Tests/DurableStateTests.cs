using Dapper;
using Npgsql;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Leads;

namespace RealtyHub.Cluster.Tests;

/// <summary>Grain state and reminders live in PostgreSQL and outlive the cluster that wrote them.</summary>
public sealed class DurableStateTests
{
    private static readonly AgentProfile Sara = new("Sara Al Mansoori", "sara@test", ["en", "ar"], ["Dubai Marina"], 6);

    [Fact]
    public async Task Agent_state_written_before_a_cluster_restart_is_read_back_after_it()
    {
        var database = await TestPostgres.CreateMigratedDatabaseAsync("durable");
        var key = GrainKeys.For("restart-test", "sara");

        await using (var first = await HubTestCluster.StartAsync(database, "restart"))
        {
            await first.GrainFactory.GetGrain<IAgentGrain>(key).EnrollAsync(Sara);
            await first.GrainFactory.GetGrain<IAgentGrain>(key).SetPresenceAsync(AgentPresence.Away, "test");
            await first.StopAllSilosAsync();
        }

        await using var second = await HubTestCluster.StartAsync(database, "restart");
        var agent = await second.GrainFactory.GetGrain<IAgentGrain>(key).GetAsync();

        Assert.NotNull(agent);
        Assert.Equal(AgentPresence.Away, agent.Presence);
        Assert.Equal(Sara.DisplayName, agent.Profile.DisplayName);
        Assert.Equal<string>(Sara.Languages, agent.Profile.Languages);
        Assert.Equal<string>(Sara.Areas, agent.Profile.Areas);
        Assert.Equal(Sara.Capacity, agent.Profile.Capacity);
        var roster = await second.GrainFactory.GetGrain<Grains.Brokerages.IBrokerageGrain>("restart-test").GetAgentsAsync();
        Assert.Equal(AgentPresence.Away, Assert.Single(roster).Presence);
    }

    [Fact]
    public async Task Follow_up_reminder_registered_before_a_cluster_restart_fires_after_it()
    {
        var database = await TestPostgres.CreateMigratedDatabaseAsync("reminder");
        var key = GrainKeys.For("reminder-test", "lead-1");

        await using (var first = await HubTestCluster.StartAsync(database, "reminders"))
        {
            var lead = first.GrainFactory.GetGrain<ILeadGrain>(key);
            await lead.CreateAsync(new LeadDetails("Ahmed Khan", "+971501234567", "WhatsApp", "JVC", null, null), null);
            var scheduled = await lead.ScheduleFollowUpAsync(DateTimeOffset.UtcNow.AddSeconds(4), "Call back about the JVC townhouse");
            Assert.Null(scheduled.FollowUp!.FiredAt);
            // Stop before the reminder is due: only the PostgreSQL reminder table can bring it back.
            await first.StopAllSilosAsync();
        }

        Assert.Equal(1, await CountRemindersAsync(database, "reminders"));

        await using var second = await HubTestCluster.StartAsync(database, "reminders");
        var fired = await Eventually.GetAsync(
            () => second.GrainFactory.GetGrain<ILeadGrain>(key).GetAsync(),
            lead => lead?.FollowUp?.FiredAt is not null,
            TimeSpan.FromSeconds(60),
            "the follow-up reminder to fire");

        Assert.Equal("Call back about the JVC townhouse", fired!.FollowUp!.Note);
        await Eventually.GetAsync(() => CountRemindersAsync(database, "reminders"), n => n == 0, TimeSpan.FromSeconds(10), "the one-shot reminder to be removed");
        await using var connection = new NpgsqlConnection(database);
        var audited = await connection.ExecuteScalarAsync<int>(
            "select count(*)::int from audit_events where brokerage_id = 'reminder-test' and action = 'lead.follow-up-due' and subject = 'lead-1'");
        Assert.Equal(1, audited);
    }

    private static async Task<int> CountRemindersAsync(string database, string serviceId)
    {
        await using var connection = new NpgsqlConnection(database);
        return await connection.ExecuteScalarAsync<int>("select count(*)::int from orleans_reminder where service_id = @serviceId", new { serviceId });
    }
}
