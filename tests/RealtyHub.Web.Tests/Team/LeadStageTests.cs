using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tests.WhatsApp;

namespace RealtyHub.Web.Tests.Team;

/// <summary>Moving a lead through the pipeline: who may, the audit trail, and "leads advanced" in the KPIs.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class LeadStageTests(ClockedHubFixture hub)
{
    private static readonly TimeZoneInfo Dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");

    [Fact]
    public async Task Agent_moves_own_lead_forward_which_is_audited_listed_and_counted_once_as_a_lead_advanced()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var ann = brokerage.AgentIds[0];
        await CreateLeadAsync(brokerage, "lead-1", owner: ann);
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);

        var forward = await agent.Http.PutAsJsonAsync(StagePath(brokerage, "lead-1"), new { stage = "Qualified" });
        var back = await supervisor.Http.PutAsJsonAsync(StagePath(brokerage, "lead-1"), new { stage = "contacted" });
        var lost = await supervisor.Http.PutAsJsonAsync(StagePath(brokerage, "lead-1"), new { stage = "Lost" });

        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        Assert.Equal(LeadStage.Qualified, (await forward.Content.ReadFromJsonAsync<LeadSnapshot>(TestJson.Options))!.Stage);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var audit = await hub.App.Services.GetRequiredService<IAuditLog>().ListAsync(brokerage.Id, 20);
        Assert.Equal(
            [(ann, "New -> Qualified"), (supervisor.Caller!.UserId, "Qualified -> Contacted"), (supervisor.Caller.UserId, "Contacted -> Lost")],
            audit.Where(e => e.Action == "lead.stage" && e.Subject == "lead-1").Reverse().Select(e => (e.Actor, e.Details!)));
        var listed = await supervisor.Http.GetFromJsonAsync<LeadListItem[]>($"api/brokerages/{brokerage.Id}/leads", TestJson.Options);
        Assert.Equal(LeadStage.Lost, listed!.Single(l => l.LeadId == "lead-1").Stage);
        // Only the move forward counts: back to Contacted and on to Lost do not.
        var kpi = Assert.Single(await RollUpTodayAsync(brokerage.Id));
        Assert.Equal((ann, 1), (kpi.AgentId, kpi.LeadsAdvanced));
    }

    [Fact]
    public async Task A_lead_without_owner_credits_the_agent_who_moves_it_but_not_a_supervisor()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await CreateLeadAsync(brokerage, "lead-a", owner: null);
        await CreateLeadAsync(brokerage, "lead-s", owner: null);
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);

        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PutAsJsonAsync(StagePath(brokerage, "lead-a"), new { stage = "Contacted" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PutAsJsonAsync(StagePath(brokerage, "lead-s"), new { stage = "Contacted" })).StatusCode);

        var kpi = Assert.Single(await RollUpTodayAsync(brokerage.Id));
        Assert.Equal((brokerage.AgentIds[0], 1), (kpi.AgentId, kpi.LeadsAdvanced));
    }

    [Fact]
    public async Task Agent_cannot_move_another_agents_lead()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"), new TestAgent("bob"));
        await CreateLeadAsync(brokerage, "lead-1", owner: brokerage.AgentIds[0]);
        await using var bob = await hub.SignInAsync($"bob@{brokerage.Id}.test");

        var response = await bob.Http.PutAsJsonAsync(StagePath(brokerage, "lead-1"), new { stage = "Won" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(LeadStage.New, (await Lead(brokerage, "lead-1").GetAsync())!.Stage);
    }

    [Theory]
    [InlineData("Hot")]
    [InlineData("3")]
    [InlineData("")]
    public async Task Unknown_stage_is_a_validation_problem_naming_the_stages(string stage)
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await CreateLeadAsync(brokerage, "lead-1", owner: brokerage.AgentIds[0]);
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");

        var response = await agent.Http.PutAsJsonAsync(StagePath(brokerage, "lead-1"), new { stage });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("New, Contacted, Qualified", problem.RootElement.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(LeadStage.New, (await Lead(brokerage, "lead-1").GetAsync())!.Stage);
    }

    [Fact]
    public async Task Rollup_worker_keeps_todays_kpis_current_and_the_api_serves_them()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var now = hub.Clock.GetUtcNow();
        var log = hub.App.Services.GetRequiredService<IAgentActivityLog>();
        await log.RecordAsync(new AgentActivity(brokerage.Id, brokerage.AgentIds[0], now, AgentActivityKinds.Reply, "971501112233", 30_000));
        await log.RecordAsync(new AgentActivity(brokerage.Id, brokerage.AgentIds[0], now, AgentActivityKinds.RequestMade, "req-1"));
        await log.RecordAsync(new AgentActivity(brokerage.Id, brokerage.AgentIds[0], now, AgentActivityKinds.DeliverableRated, "req-1", 4));

        await hub.App.Services.GetRequiredService<KpiRollupWorker>().RollupOnceAsync(CancellationToken.None);

        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var team = await supervisor.Http.GetFromJsonAsync<TeamPerformance>($"api/brokerages/{brokerage.Id}/kpis", TestJson.Options);
        var ann = Assert.Single(team!.Agents);
        Assert.Equal(BrokerageDay.Of(now, Dubai), team.To);
        Assert.Equal(new KpiDay(team.To, 1, 30_000, 1, 1, 0, 1, 4m, 1), ann.Days[^1]);
        Assert.Null(team.Consistency.Score);
    }

    private async Task<IReadOnlyList<AgentDailyKpi>> RollUpTodayAsync(string brokerageId)
    {
        var store = hub.App.Services.GetRequiredService<IAgentKpiStore>();
        var today = BrokerageDay.Of(hub.Clock.GetUtcNow(), Dubai);
        await store.RollupAsync(brokerageId, today, Dubai);
        return await store.ListAsync(brokerageId, today, today);
    }

    private Task<LeadSnapshot> CreateLeadAsync(TestBrokerage brokerage, string leadId, string? owner) =>
        Lead(brokerage, leadId).CreateAsync(new LeadDetails("Client " + leadId, ClockedHubFixture.NewClientPhone(), "Website", "JVC", null, null), owner);

    private ILeadGrain Lead(TestBrokerage brokerage, string leadId) => hub.Grains.GetGrain<ILeadGrain>(GrainKeys.For(brokerage.Id, leadId));

    private static string StagePath(TestBrokerage brokerage, string leadId) => $"api/brokerages/{brokerage.Id}/leads/{leadId}/stage";
}
