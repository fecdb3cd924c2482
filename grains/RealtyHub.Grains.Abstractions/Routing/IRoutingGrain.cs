using RealtyHub.Grains.Agents;

namespace RealtyHub.Grains.Routing;

/// <summary>
/// Assigns a brokerage's conversations to its agents: round robin among online agents below their capacity,
/// preferring a language/area match, oldest unassigned first. Key: the brokerage id.
/// </summary>
[Alias("realtyhub.routing")]
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>Picks an agent for the conversation, or queues it (returns <c>null</c>) when nobody is free.</summary>
    [Alias("route")]
    Task<string?> RouteAsync(QueuedConversation conversation);

    /// <summary>Moves a conversation away from <paramref name="fromAgentId"/> (missed SLA) to the next agent, or queues it.</summary>
    [Alias("reassign")]
    Task<string?> ReassignAsync(QueuedConversation conversation, string fromAgentId);

    /// <summary>Records an assignment made by a person (supervisor), so loads stay right.</summary>
    [Alias("assigned-manually"), OneWay]
    Task AssignedManuallyAsync(string conversationId, string? agentId);

    /// <summary>The conversation no longer needs an agent (resolved).</summary>
    [Alias("release"), OneWay]
    Task ReleaseAsync(string conversationId);

    /// <summary>An agent's presence or capacity changed: queued conversations may now find an agent.</summary>
    [Alias("agent-changed"), OneWay]
    Task AgentChangedAsync(AgentSnapshot agent);

    [Alias("get")]
    Task<RoutingSnapshot> GetAsync();
}
