using RealtyHub.Web.Services;

namespace RealtyHub.Web.Tests.Team;

/// <summary>The agent consistency score, against values worked out by hand.</summary>
public sealed class TeamConsistencyTests
{
    [Fact]
    public void Two_agents_apart_only_on_conversations_score_83()
    {
        // Conversations per day 10 and 30: mean 20, deviation 10, CV 0.5; messages and leads equal (CV 0).
        // Score = round(100 x (1 - (0.5 + 0 + 0) / 3)) = round(83.3) = 83.
        var score = TeamConsistency.Score([Agent(days: 10, conversations: 100, messages: 200, leads: 10), Agent(10, 300, 200, 10)]);

        Assert.Equal(83, score.Score);
        Assert.Equal(2, score.ActiveAgents);
        Assert.Equal([TeamConsistency.Conversations, TeamConsistency.Messages, TeamConsistency.Leads], score.Spreads.Select(s => s.Kpi));
        Assert.Equal(0.5, score.Spreads[0].CoefficientOfVariation, 9);
        Assert.Equal(20, score.Spreads[0].Mean, 9);
    }

    [Fact]
    public void Median_first_response_is_a_fourth_kpi()
    {
        // Conversations 10 and 30 a day (CV 0.5); first response 60 s and 180 s: mean 120 s, deviation 60 s, CV 0.5.
        // Score = round(100 x (1 - (0.5 + 0 + 0 + 0.5) / 4)) = 75.
        var score = TeamConsistency.Score([Agent(10, 100, 400, 10, firstResponseMs: 60_000), Agent(10, 300, 400, 10, firstResponseMs: 180_000)]);

        Assert.Equal(75, score.Score);
        Assert.Equal(0.5, score.Spreads.Single(s => s.Kpi == TeamConsistency.FirstResponse).CoefficientOfVariation, 9);
    }

    [Fact]
    public void First_response_compares_only_the_agents_who_have_one()
    {
        // Counts equal; first response 60 s, 180 s and none: CV 0.5 over two agents.
        // Score = round(100 x (1 - (0 + 0 + 0 + 0.5) / 4)) = round(87.5) = 88.
        var score = TeamConsistency.Score(
        [
            Agent(10, 100, 400, 10, firstResponseMs: 60_000),
            Agent(10, 100, 400, 10, firstResponseMs: 180_000),
            Agent(10, 100, 400, 10, firstResponseMs: null),
        ]);

        Assert.Equal(88, score.Score);
        Assert.Equal(3, score.ActiveAgents);
    }

    [Fact]
    public void Agents_who_work_alike_score_100()
    {
        var score = TeamConsistency.Score([Agent(7, 21, 70, 3, 90_000), Agent(7, 21, 70, 3, 90_000), Agent(7, 21, 70, 3, 90_000)]);

        Assert.Equal(100, score.Score);
        Assert.All(score.Spreads, s => Assert.Equal(0, s.CoefficientOfVariation, 9));
    }

    [Fact]
    public void Counts_are_compared_per_active_day_so_a_day_off_is_no_difference()
    {
        var score = TeamConsistency.Score([Agent(10, 100, 300, 6), Agent(5, 50, 150, 3)]);

        Assert.Equal(100, score.Score);
    }

    [Fact]
    public void A_kpi_nobody_scored_on_is_left_out_and_zero_against_some_counts_fully()
    {
        var nobodyAdvanced = TeamConsistency.Score([Agent(10, 100, 200, 0), Agent(10, 100, 200, 0)]);
        // Leads per day 0 and 0.2: mean 0.1, deviation 0.1, CV 1. Score = round(100 x (1 - (0 + 0 + 1) / 3)) = 67.
        var oneAdvanced = TeamConsistency.Score([Agent(10, 100, 200, 0), Agent(10, 100, 200, 2)]);

        Assert.Equal(100, nobodyAdvanced.Score);
        Assert.DoesNotContain(nobodyAdvanced.Spreads, s => s.Kpi == TeamConsistency.Leads);
        Assert.Equal(67, oneAdvanced.Score);
    }

    [Fact]
    public void One_kpi_far_apart_counts_at_most_as_a_full_spread()
    {
        // Leads per day 0, 0, 0, 1: mean 0.25, deviation 0.433, CV 1.73, capped at 1. Score = round(100 x (1 - 1 / 3)) = 67.
        var score = TeamConsistency.Score([Agent(1, 5, 10, 0), Agent(1, 5, 10, 0), Agent(1, 5, 10, 0), Agent(1, 5, 10, 1)]);

        Assert.Equal(1, score.Spreads.Single(s => s.Kpi == TeamConsistency.Leads).CoefficientOfVariation);
        Assert.Equal(67, score.Score);
    }

    [Fact]
    public void Fewer_than_two_active_agents_give_no_score()
    {
        var alone = TeamConsistency.Score([Agent(10, 100, 200, 5), Agent(0, 0, 0, 0)]);
        var nobody = TeamConsistency.Score([]);

        Assert.Null(alone.Score);
        Assert.Equal(1, alone.ActiveAgents);
        Assert.Contains("Not enough agents", alone.Explanation, StringComparison.Ordinal);
        Assert.Null(nobody.Score);
    }

    [Fact]
    public void Agents_active_only_on_requests_have_nothing_to_compare()
    {
        var score = TeamConsistency.Score([Agent(3, 0, 0, 0) with { RequestsMade = 4 }, Agent(2, 0, 0, 0) with { RequestsMade = 1 }]);

        Assert.Null(score.Score);
        Assert.Equal(2, score.ActiveAgents);
        Assert.Contains("No KPI to compare", score.Explanation, StringComparison.Ordinal);
    }

    private static AgentKpiTotals Agent(int days, int conversations, int messages, int leads, long? firstResponseMs = null) =>
        new(days, conversations, messages, firstResponseMs, firstResponseMs is null ? 0 : 10, leads, 0, null, 0);
}
