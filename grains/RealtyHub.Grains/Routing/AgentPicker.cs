using RealtyHub.Grains.Agents;

namespace RealtyHub.Grains.Routing;

/// <summary>The routing rule, free of Orleans so it can be tested on its own.</summary>
public static class AgentPicker
{
    /// <summary>
    /// Among online agents below their capacity (except <paramref name="excludedAgentId"/>), those matching the most
    /// hints (language, area) win; among them the next one after <paramref name="lastAssignedAgentId"/> in a stable
    /// order (round robin). <c>null</c> when nobody is free.
    /// </summary>
    public static string? Pick(
        IEnumerable<AgentSnapshot> roster,
        IReadOnlyDictionary<string, int> openByAgent,
        RoutingHints hints,
        string? lastAssignedAgentId,
        string? excludedAgentId = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(openByAgent);
        ArgumentNullException.ThrowIfNull(hints);
        var free = roster
            .Where(a => a.Presence == AgentPresence.Online
                && a.AgentId != excludedAgentId
                && openByAgent.GetValueOrDefault(a.AgentId) < a.Profile.Capacity)
            .ToList();
        if (free.Count == 0)
        {
            return null;
        }

        var best = free.Max(a => Score(a, hints));
        var pool = free.Where(a => Score(a, hints) == best).OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        var next = lastAssignedAgentId is null
            ? null
            : pool.FirstOrDefault(a => string.CompareOrdinal(a.AgentId, lastAssignedAgentId) > 0);
        return (next ?? pool[0]).AgentId;
    }

    private static int Score(AgentSnapshot agent, RoutingHints hints) =>
        (hints.Language is { } language && agent.Profile.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? 1 : 0)
        + (hints.Area is { } area && agent.Profile.Areas.Contains(area, StringComparer.OrdinalIgnoreCase) ? 1 : 0);
}
