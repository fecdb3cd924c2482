using RealtyHub.Grains.Agents;

namespace RealtyHub.Web.Tests;

/// <summary>
/// The tenant isolation matrix: one probe per brokerage-scoped API endpoint and one argument rule per hub
/// parameter. A new endpoint or hub method without a probe fails <see cref="TenantIsolationTests"/>, so each
/// feature that adds one must also say here how to call it against another brokerage.
/// </summary>
public static class TenantMatrix
{
    /// <summary>The ids of the brokerage being probed.</summary>
    public sealed record Target(string BrokerageId, string AgentId, string LeadId);

    /// <summary>A request to one endpoint, built for a target brokerage.</summary>
    public sealed record Probe(string Method, string Pattern, Func<Target, string> Path, object? Body = null)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>API endpoints that act only on the caller themself and so carry no brokerage.</summary>
    public static readonly IReadOnlySet<string> CallerScopedApi = new HashSet<string>
    {
        "POST /api/session",
        "DELETE /api/session",
        "GET /api/me",
    };

    public static readonly IReadOnlyList<Probe> Probes =
    [
        new("GET", "/api/brokerages/{brokerageId}/", t => $"api/brokerages/{t.BrokerageId}/"),
        new("GET", "/api/brokerages/{brokerageId}/agents", t => $"api/brokerages/{t.BrokerageId}/agents"),
        new("GET", "/api/brokerages/{brokerageId}/agents/{agentId}", t => $"api/brokerages/{t.BrokerageId}/agents/{t.AgentId}"),
        new("PUT", "/api/brokerages/{brokerageId}/agents/{agentId}/presence", t => $"api/brokerages/{t.BrokerageId}/agents/{t.AgentId}/presence",
            new { presence = "Busy" }),
        new("GET", "/api/brokerages/{brokerageId}/leads", t => $"api/brokerages/{t.BrokerageId}/leads"),
        new("GET", "/api/brokerages/{brokerageId}/leads/{leadId}", t => $"api/brokerages/{t.BrokerageId}/leads/{t.LeadId}"),
        new("GET", "/api/brokerages/{brokerageId}/audit", t => $"api/brokerages/{t.BrokerageId}/audit"),
    ];

    /// <summary>Hub method arguments by parameter name.</summary>
    public static object ArgumentFor(string parameter, Target target) => parameter switch
    {
        "brokerageId" => target.BrokerageId,
        "agentId" => target.AgentId,
        "leadId" => target.LeadId,
        "presence" => AgentPresence.Busy,
        _ => throw new InvalidOperationException(
            $"The tenant matrix has no rule for hub parameter '{parameter}': add one to {nameof(TenantMatrix)}.{nameof(ArgumentFor)}."),
    };
}
