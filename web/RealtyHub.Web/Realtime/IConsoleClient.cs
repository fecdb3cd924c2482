using RealtyHub.Grains.Agents;

namespace RealtyHub.Web.Realtime;

/// <summary>What the server pushes to console clients over <c>/hubs/console</c>.</summary>
public interface IConsoleClient
{
    /// <summary>An agent of the caller's brokerage changed presence or profile.</summary>
    Task AgentChanged(AgentSnapshot agent);
}
