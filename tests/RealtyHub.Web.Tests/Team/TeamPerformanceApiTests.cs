using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Tests.Team;

/// <summary>The KPI API of the demo brokerage: exact JSON and CSV, demo history, who may read it, date validation.</summary>
[Collection(HubCollection.Name)]
public sealed class TeamPerformanceApiTests(HubWebFixture hub)
{
    private const string Kpis = $"api/brokerages/{HubWebFixture.BrokerageA}/kpis";
    private static readonly TimeZoneInfo Dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");

    [Fact]
    public async Task Supervisor_reads_a_days_kpis_exactly_as_json_and_as_csv()
    {
        // A day long before the demo history, so only this test's facts are on it.
        var day = BrokerageDay.Of(DateTimeOffset.UtcNow, Dubai).AddDays(-200);
        var opens = BrokerageDay.StartOf(day, Dubai).AddHours(9);
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var sara = await HubWebFixture.FindAgentAsync(supervisor, HubWebFixture.BrokerageA, HubWebFixture.AgentA);
        var rahul = await HubWebFixture.FindAgentAsync(supervisor, HubWebFixture.BrokerageA, "rahul.agent@marina.demo");
        var log = hub.App.Services.GetRequiredService<IAgentActivityLog>();
        AgentActivity[] facts =
        [
            new(HubWebFixture.BrokerageA, sara.AgentId, opens, AgentActivityKinds.Reply, "971500000001", 40_000),
            new(HubWebFixture.BrokerageA, sara.AgentId, opens.AddMinutes(5), AgentActivityKinds.Reply, "971500000001", null),
            new(HubWebFixture.BrokerageA, sara.AgentId, opens.AddMinutes(9), AgentActivityKinds.Reply, "971500000002", 80_000),
            new(HubWebFixture.BrokerageA, sara.AgentId, opens.AddMinutes(30), AgentActivityKinds.LeadAdvanced, "lead-001"),
            new(HubWebFixture.BrokerageA, rahul.AgentId, opens.AddHours(2), AgentActivityKinds.Reply, "971500000003", 120_000),
        ];
        foreach (var fact in facts)
        {
            await log.RecordAsync(fact);
        }

        await hub.App.Services.GetRequiredService<IAgentKpiStore>().RollupAsync(HubWebFixture.BrokerageA, day, Dubai);
        var query = $"?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        var team = await supervisor.Http.GetFromJsonAsync<TeamPerformance>(Kpis + query, TestJson.Options);
        var csvResponse = await supervisor.Http.GetAsync($"{Kpis}.csv{query}");

        Assert.Equal((day, day, "Asia/Dubai"), (team!.From, team.To, team.TimeZoneId));
        var saraRow = team.Agents.Single(a => a.AgentId == sara.AgentId);
        Assert.Equal("Sara Al Mansoori", saraRow.Name);
        Assert.Equal(new AgentKpiTotals(1, 2, 3, 60_000, 2, 1, 0, null, 0), saraRow.Totals);
        Assert.Equal(new KpiDay(day, 2, 60_000, 2, 3, 1, 0, null, 0), Assert.Single(saraRow.Days));
        Assert.Equal(new AgentKpiTotals(1, 1, 1, 120_000, 1, 0, 0, null, 0), team.Agents.Single(a => a.AgentId == rahul.AgentId).Totals);
        // Two active agents: conversations/day 2 and 1 (CV 1/3), messages 3 and 1 (CV 1/2), first response 60 s and 120 s (CV 1/3);
        // nobody else active and only Sara advanced a lead (leads 1 and 0: CV 1). Score = round(100 x (1 - (1/3 + 1/2 + 1 + 1/3) / 4)) = 46.
        Assert.Equal(2, team.Consistency.ActiveAgents);
        Assert.Equal(46, team.Consistency.Score);

        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"kpis-{HubWebFixture.BrokerageA}-{day:yyyy-MM-dd}-to-{day:yyyy-MM-dd}.csv", csvResponse.Content.Headers.ContentDisposition?.FileName);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("day,agent_id,agent_name,", lines[0], StringComparison.Ordinal);
        Assert.Equal(team.Agents.Count, lines.Length - 1);
        Assert.Contains($"{day:yyyy-MM-dd},{sara.AgentId},Sara Al Mansoori,2,3,60000,2,1,0,,0", lines);
        Assert.Contains($"{day:yyyy-MM-dd},{rahul.AgentId},Rahul Mehta,1,1,120000,1,0,0,,0", lines);
    }

    [Fact]
    public async Task Demo_brokerage_shows_thirty_days_of_history_for_its_agents_and_a_consistency_score()
    {
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerA);

        var team = await owner.Http.GetFromJsonAsync<TeamPerformance>(Kpis, TestJson.Options);

        var today = BrokerageDay.Of(DateTimeOffset.UtcNow, Dubai);
        Assert.Equal((today.AddDays(-29), today), (team!.From, team.To));
        var demoAgents = team.Agents.Where(a => a.Totals.DaysActive > 0).ToList();
        Assert.True(demoAgents.Count >= 6, $"{demoAgents.Count} agents with history");
        Assert.All(team.Agents, a => Assert.Equal(30, a.Days.Count));
        Assert.All(demoAgents, a => Assert.True(a.Totals.DaysActive >= 15 && a.Totals.MessagesSent > 0 && a.Totals.FirstResponseMedianMs > 0, a.Name));
        Assert.InRange(team.Consistency.Score ?? -1, 1, 99);
    }

    [Fact]
    public async Task Agents_are_refused_team_performance()
    {
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);

        var json = await agent.Http.GetAsync(Kpis);
        var csv = await agent.Http.GetAsync(Kpis + ".csv");

        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-02-30", "from", "is not a date")]
    [InlineData("?to=yesterday", "to", "is not a date")]
    [InlineData("?from=2026-03-10&to=2026-03-01", "period", "must not be after")]
    [InlineData("?from=2025-01-01&to=2026-03-01", "period", "at most 366 days")]
    [InlineData(".csv?from=01/03/2026", "from", "is not a date")]
    public async Task Bad_dates_are_a_validation_problem_that_says_why(string query, string field, string reason)
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);

        var response = await supervisor.Http.GetAsync(Kpis + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }
}
