using RealtyHub.Web.Services;

namespace RealtyHub.Web.Tests.Team;

/// <summary>The CSV export: RFC 4180 quoting, invariant numbers, one row per agent per day.</summary>
public sealed class TeamPerformanceCsvTests
{
    private static readonly DateOnly First = new(2026, 3, 1);

    [Fact]
    public void One_row_per_agent_per_day_with_rfc_4180_quoting_and_invariant_numbers()
    {
        var performance = Performance(
            Agent("a1", "O'Brien, Pat", new KpiDay(First, 2, 61_500, 2, 5, 1, 0, 4.5m, 2), KpiDay.Empty(First.AddDays(1))),
            Agent("a2", "Sam \"The Closer\"\nLee", KpiDay.Empty(First), new KpiDay(First.AddDays(1), 1, null, 0, 1, 0, 3, null, 0)));

        var lines = TeamPerformanceCsv.Write(performance).Split("\r\n");

        Assert.Equal(
        [
            "day,agent_id,agent_name,conversations_handled,messages_sent,first_response_median_ms,first_responses,leads_advanced,requests_made,average_rating,ratings",
            "2026-03-01,a1,\"O'Brien, Pat\",2,5,61500,2,1,0,4.5,2",
            "2026-03-01,a2,\"Sam \"\"The Closer\"\"\nLee\",0,0,,0,0,0,,0",
            "2026-03-02,a1,\"O'Brien, Pat\",0,0,,0,0,0,,0",
            "2026-03-02,a2,\"Sam \"\"The Closer\"\"\nLee\",1,1,,0,0,3,,0",
            "",
        ], lines);
    }

    [Fact]
    public void A_name_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var csv = TeamPerformanceCsv.Write(Performance(Agent("a1", "=HYPERLINK(\"http://x\")", KpiDay.Empty(First))));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void File_name_names_the_brokerage_and_period()
    {
        Assert.Equal("kpis-marina-2026-03-01-to-2026-03-02.csv", TeamPerformanceCsv.FileName(Performance()));
    }

    private static TeamPerformance Performance(params AgentPerformance[] agents) =>
        new("marina", First, First.AddDays(1), "Asia/Dubai", agents, TeamConsistency.Score(agents.Select(a => a.Totals)));

    private static AgentPerformance Agent(string id, string name, params KpiDay[] days) => new(id, name, AgentKpiTotals.Of(days), days);
}
