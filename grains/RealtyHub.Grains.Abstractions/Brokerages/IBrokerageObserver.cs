using RealtyHub.Grains.Agents;

namespace RealtyHub.Grains.Brokerages;

/// <summary>
/// Implemented once per web node per brokerage it serves; the node fans events out to its own SignalR
/// connections and console circuits. Grains never hold connections.
/// </summary>
[Alias("realtyhub.brokerage-observer")]
public interface IBrokerageObserver : IGrainObserver
{
    /// <summary>An agent's presence or profile changed.</summary>
    [Alias("agent-changed")]
    void AgentChanged(AgentSnapshot agent);
}
