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
    public sealed record Target(string BrokerageId, string AgentId, string LeadId, string ConversationId, string MediaId, string AlertId = "no-such-alert");

    /// <summary>A request to one endpoint, built for a target brokerage.</summary>
    public sealed record Probe(string Method, string Pattern, Func<Target, string> Path, Func<Target, object>? Body = null)
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
            _ => new { presence = "Busy" }),
        new("GET", "/api/brokerages/{brokerageId}/leads", t => $"api/brokerages/{t.BrokerageId}/leads"),
        new("GET", "/api/brokerages/{brokerageId}/leads/{leadId}", t => $"api/brokerages/{t.BrokerageId}/leads/{t.LeadId}"),
        new("PUT", "/api/brokerages/{brokerageId}/leads/{leadId}/stage", t => $"api/brokerages/{t.BrokerageId}/leads/{t.LeadId}/stage",
            _ => new { stage = "Contacted" }),
        new("GET", "/api/brokerages/{brokerageId}/kpis", t => $"api/brokerages/{t.BrokerageId}/kpis"),
        new("GET", "/api/brokerages/{brokerageId}/kpis.csv", t => $"api/brokerages/{t.BrokerageId}/kpis.csv"),
        new("GET", "/api/brokerages/{brokerageId}/audit", t => $"api/brokerages/{t.BrokerageId}/audit"),
        new("GET", "/api/brokerages/{brokerageId}/conversations", t => $"api/brokerages/{t.BrokerageId}/conversations"),
        new("GET", "/api/brokerages/{brokerageId}/conversations/{conversationId}", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}"),
        new("GET", "/api/brokerages/{brokerageId}/conversations/{conversationId}/messages", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}/messages"),
        new("POST", "/api/brokerages/{brokerageId}/conversations/{conversationId}/replies", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}/replies",
            _ => new { body = "Probe reply", idempotencyKey = "tenant-probe" }),
        new("PUT", "/api/brokerages/{brokerageId}/conversations/{conversationId}/assignment", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}/assignment",
            t => new { agentId = t.AgentId }),
        new("PUT", "/api/brokerages/{brokerageId}/conversations/{conversationId}/status", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}/status",
            _ => new { status = "Open" }),
        new("POST", "/api/brokerages/{brokerageId}/conversations/{conversationId}/read", t => $"api/brokerages/{t.BrokerageId}/conversations/{t.ConversationId}/read"),
        new("GET", "/api/brokerages/{brokerageId}/media/{mediaId}", t => $"api/brokerages/{t.BrokerageId}/media/{t.MediaId}"),
        new("GET", "/api/brokerages/{brokerageId}/whatsapp-templates", t => $"api/brokerages/{t.BrokerageId}/whatsapp-templates"),
        new("PUT", "/api/brokerages/{brokerageId}/settings/alerts", t => $"api/brokerages/{t.BrokerageId}/settings/alerts",
            _ => new { firstResponseSlaMinutes = 1, leadWaitMinutes = 1, expertBacklog = 0 }),
        new("GET", "/api/brokerages/{brokerageId}/board/", t => $"api/brokerages/{t.BrokerageId}/board/"),
        new("POST", "/api/brokerages/{brokerageId}/board/alerts/{alertId}/ack", t => $"api/brokerages/{t.BrokerageId}/board/alerts/{t.AlertId}/ack"),
    ];

    /// <summary>Endpoints that are not for signed-in users at all: Twilio calls them, proving itself by signature.</summary>
    public static readonly IReadOnlySet<string> SignatureAuthenticated = new HashSet<string>
    {
        "POST /webhooks/twilio/whatsapp",
        "POST /webhooks/twilio/status",
    };

    /// <summary>Hub method arguments by parameter name.</summary>
    public static object ArgumentFor(string parameter, Target target) => parameter switch
    {
        "brokerageId" => target.BrokerageId,
        "agentId" => target.AgentId,
        "leadId" => target.LeadId,
        "conversationId" => target.ConversationId,
        "presence" => AgentPresence.Busy,
        "alertId" => target.AlertId,
        _ => throw new InvalidOperationException(
            $"The tenant matrix has no rule for hub parameter '{parameter}': add one to {nameof(TenantMatrix)}.{nameof(ArgumentFor)}."),
    };
}
