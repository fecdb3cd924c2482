using System.Collections.Immutable;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Routing;

namespace RealtyHub.Cluster.Tests;

/// <summary>The routing rule on its own: who gets the next conversation.</summary>
public sealed class AgentPickerTests
{
    private static readonly ImmutableDictionary<string, int> NobodyBusy = ImmutableDictionary<string, int>.Empty;

    [Fact]
    public void Round_robin_takes_the_next_online_agent_after_the_last_one_and_wraps()
    {
        AgentSnapshot[] roster = [Agent("a"), Agent("b"), Agent("c")];

        Assert.Equal("a", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, lastAssignedAgentId: null));
        Assert.Equal("b", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, "a"));
        Assert.Equal("c", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, "b"));
        Assert.Equal("a", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, "c"));
    }

    [Theory]
    [InlineData(AgentPresence.Offline)]
    [InlineData(AgentPresence.Away)]
    [InlineData(AgentPresence.Busy)]
    public void Only_online_agents_are_picked(AgentPresence presence)
    {
        AgentSnapshot[] roster = [Agent("a", presence), Agent("b")];

        Assert.Equal("b", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, null));
        Assert.Null(AgentPicker.Pick([Agent("a", presence)], NobodyBusy, RoutingHints.None, null));
    }

    [Fact]
    public void An_agent_at_capacity_is_skipped_and_nobody_free_means_no_agent()
    {
        AgentSnapshot[] roster = [Agent("a", capacity: 2), Agent("b", capacity: 1)];
        var open = new Dictionary<string, int> { ["a"] = 2 };

        Assert.Equal("b", AgentPicker.Pick(roster, open, RoutingHints.None, null));
        Assert.Null(AgentPicker.Pick(roster, new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, RoutingHints.None, null));
    }

    [Fact]
    public void Language_and_area_matches_win_over_round_robin_order()
    {
        AgentSnapshot[] roster = [Agent("a", languages: ["en"]), Agent("b", languages: ["en", "ar"], areas: ["JVC"]), Agent("c", languages: ["ar"])];

        Assert.Equal("b", AgentPicker.Pick(roster, NobodyBusy, new RoutingHints("ar", "JVC"), lastAssignedAgentId: "b"));
        Assert.Equal("c", AgentPicker.Pick(roster, NobodyBusy, new RoutingHints("ar", null), lastAssignedAgentId: "b"));
        Assert.Equal("b", AgentPicker.Pick(roster, NobodyBusy, new RoutingHints("ar", null), lastAssignedAgentId: "c"));
    }

    [Fact]
    public void The_agent_who_missed_the_sla_is_excluded_from_the_reassignment()
    {
        AgentSnapshot[] roster = [Agent("a"), Agent("b")];

        Assert.Equal("b", AgentPicker.Pick(roster, NobodyBusy, RoutingHints.None, lastAssignedAgentId: "b", excludedAgentId: "a"));
        Assert.Null(AgentPicker.Pick([Agent("a")], NobodyBusy, RoutingHints.None, null, excludedAgentId: "a"));
    }

    private static AgentSnapshot Agent(
        string id, AgentPresence presence = AgentPresence.Online, int capacity = 5, string[]? languages = null, string[]? areas = null) =>
        new("b1", id, new AgentProfile(id, $"{id}@test", [.. languages ?? ["en"]], [.. areas ?? []], capacity), presence, DateTimeOffset.UnixEpoch);
}
