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
    public sealed record Target(string BrokerageId, string AgentId, string LeadId, string ConversationId, string MediaId, string AlertId = "no-such-alert", string RequestId = HubWebFixture.RequestB, string ExpertId = "no-such-expert");

    /// <summary>
    /// A request to one endpoint, built for a target brokerage. <paramref name="As"/> names the user of brokerage B the
    /// endpoint is for when that is not the owner (agents ask, experts claim); for those the positive check is only that
    /// the endpoint reaches B's resource (not 404), since the state of the resource may refuse the act itself.
    /// </summary>
    public sealed record Probe(string Method, string Pattern, Func<Target, string> Path, Func<Target, object>? Body = null, string? As = null)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>API endpoints that act only on the caller themself and so carry no brokerage.</summary>
    public static readonly IReadOnlySet<string> CallerScopedApi = new HashSet<string>
    {
        "POST /api/session",
        "DELETE /api/session",
        "GET /api/me",
        // Platform admins provision tenants; nobody else reaches it (see PlatformApiTests).
        "POST /api/platform/brokerages",
    };

    public static readonly IReadOnlyList<Probe> Probes =
    [
        new("GET", "/api/brokerages/{brokerageId}/", t => $"api/brokerages/{t.BrokerageId}/"),
        new("GET", "/api/brokerages/{brokerageId}/agents", t => $"api/brokerages/{t.BrokerageId}/agents"),
        new("GET", "/api/brokerages/{brokerageId}/agents/{agentId}", t => $"api/brokerages/{t.BrokerageId}/agents/{t.AgentId}"),
        new("PUT", "/api/brokerages/{brokerageId}/agents/{agentId}/presence", t => $"api/brokerages/{t.BrokerageId}/agents/{t.AgentId}/presence",
            _ => new { presence = "Busy" }),
        new("PUT", "/api/brokerages/{brokerageId}/agents/{agentId}/whatsapp", t => $"api/brokerages/{t.BrokerageId}/agents/{t.AgentId}/whatsapp",
            _ => new { number = "+971500000000", deliverables = false }),
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
        new("POST", "/api/platform/brokerages/{brokerageId}/members", t => $"api/platform/brokerages/{t.BrokerageId}/members",
            _ => new { email = $"probe-{Guid.NewGuid():N}@palm.test", displayName = "Probe", role = "Supervisor", password = "Probe-Password-2026" },
            As: HubWebFixture.PlatformAdmin),
        new("GET", "/api/brokerages/{brokerageId}/inbound/parked", t => $"api/brokerages/{t.BrokerageId}/inbound/parked"),
        new("POST", "/api/brokerages/{brokerageId}/inbound/{messageSid}/retry", t => $"api/brokerages/{t.BrokerageId}/inbound/{HubWebFixture.ParkedMessageB}/retry",
            As: HubWebFixture.OwnerB),
        new("GET", "/api/brokerages/{brokerageId}/board/", t => $"api/brokerages/{t.BrokerageId}/board/"),
        new("POST", "/api/brokerages/{brokerageId}/requests", t => $"api/brokerages/{t.BrokerageId}/requests",
            _ => new { text = "Tenant probe request" }, As: HubWebFixture.AgentB),
        new("GET", "/api/brokerages/{brokerageId}/requests", t => $"api/brokerages/{t.BrokerageId}/requests"),
        // A spoken request: the recording is the body.
        new("POST", "/api/brokerages/{brokerageId}/requests/voice", t => $"api/brokerages/{t.BrokerageId}/requests/voice", _ => Recording(), As: HubWebFixture.AgentB),
        new("GET", "/api/brokerages/{brokerageId}/calls", t => $"api/brokerages/{t.BrokerageId}/calls"),
        new("GET", "/api/brokerages/{brokerageId}/calls/{callSid}", t => $"api/brokerages/{t.BrokerageId}/calls/{HubWebFixture.CallB}"),
        new("GET", "/api/brokerages/{brokerageId}/leads/{leadId}/calls", t => $"api/brokerages/{t.BrokerageId}/leads/{t.LeadId}/calls"),
        new("GET", "/api/brokerages/{brokerageId}/requests/{requestId}", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}"),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/answer", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/answer",
            _ => new { text = "Probe" }, As: HubWebFixture.AgentB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/cancel", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/cancel", As: HubWebFixture.AgentB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/retry", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/retry", As: HubWebFixture.AgentB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/rating", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/rating",
            _ => new { rating = 1 }, As: HubWebFixture.AgentB),
        new("PUT", "/api/brokerages/{brokerageId}/requests/{requestId}/draft", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/draft",
            _ => new { text = "Probe" }, As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/question", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/question",
            _ => new { text = "Probe?" }, As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/deliver", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/deliver",
            _ => new { markdown = "Probe" }, As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/reject", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/reject",
            _ => new { text = "Probe" }, As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/accept", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/accept", As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/decline", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/decline", As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/release", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/release", As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/requests/{requestId}/reclaim", t => $"api/brokerages/{t.BrokerageId}/requests/{t.RequestId}/reclaim", As: HubWebFixture.SupervisorB),
        new("GET", "/api/brokerages/{brokerageId}/requests/{requestId}/deliverable.html",
            t => $"api/brokerages/{t.BrokerageId}/requests/{HubWebFixture.DeliveredRequestB}/deliverable.html", As: HubWebFixture.AgentB),
        new("GET", "/api/brokerages/{brokerageId}/dispatch", t => $"api/brokerages/{t.BrokerageId}/dispatch"),
        new("PUT", "/api/brokerages/{brokerageId}/experts/{expertId}/availability", t => $"api/brokerages/{t.BrokerageId}/experts/{t.ExpertId}/availability",
            _ => new { available = true }, As: HubWebFixture.ExpertB),
        new("POST", "/api/brokerages/{brokerageId}/board/alerts/{alertId}/ack", t => $"api/brokerages/{t.BrokerageId}/board/alerts/{t.AlertId}/ack"),
        new("GET", "/api/brokerages/{brokerageId}/knowledge", t => $"api/brokerages/{t.BrokerageId}/knowledge?q=palm"),
        new("GET", "/api/brokerages/{brokerageId}/knowledge/{documentId}", t => $"api/brokerages/{t.BrokerageId}/knowledge/{HubWebFixture.KnowledgeB}"),
        // A multipart upload: SendAsync sends HttpContent bodies as they are.
        new("POST", "/api/brokerages/{brokerageId}/knowledge", t => $"api/brokerages/{t.BrokerageId}/knowledge", _ => KnowledgeUpload()),
        new("DELETE", "/api/brokerages/{brokerageId}/knowledge/{documentId}", t => $"api/brokerages/{t.BrokerageId}/knowledge/{HubWebFixture.KnowledgeBToDelete}"),
        new("GET", "/api/brokerages/{brokerageId}/compliance-rules", t => $"api/brokerages/{t.BrokerageId}/compliance-rules"),
        // PUT before DELETE: the owner's run creates the rule it then deletes.
        new("PUT", "/api/brokerages/{brokerageId}/compliance-rules/{ruleId}", t => $"api/brokerages/{t.BrokerageId}/compliance-rules/tenant-probe",
            _ => new { type = "forbidden-phrase", pattern = "tenant probe phrase", message = "Probe rule." }),
        new("DELETE", "/api/brokerages/{brokerageId}/compliance-rules/{ruleId}", t => $"api/brokerages/{t.BrokerageId}/compliance-rules/tenant-probe"),
        new("POST", "/api/brokerages/{brokerageId}/compliance-check", t => $"api/brokerages/{t.BrokerageId}/compliance-check",
            _ => new { kind = "ListingDescription", text = "Probe text" }),
    ];

    /// <summary>Half a second of silence as a WAV file: a readable recording.</summary>
    private static ByteArrayContent Recording()
    {
        var content = new ByteArrayContent(RealtyHub.Voice.Audio.WavFile.Write(RealtyHub.Voice.Audio.AudioClip.Silence(TimeSpan.FromMilliseconds(500), 16000)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        return content;
    }

    private static MultipartFormDataContent KnowledgeUpload() => new()
    {
        { new ByteArrayContent("# Tenant probe\nProbe document."u8.ToArray()), "file", "tenant-probe.md" },
    };

    /// <summary>Endpoints that are not for signed-in users at all: Twilio calls them, proving itself by signature.</summary>
    public static readonly IReadOnlySet<string> SignatureAuthenticated = new HashSet<string>
    {
        "POST /webhooks/twilio/whatsapp",
        "POST /webhooks/twilio/status",
        "POST /webhooks/twilio/voice",
        "POST /webhooks/twilio/voice/status",
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
        "requestId" => target.RequestId,
        "expertId" => target.ExpertId,
        _ => throw new InvalidOperationException(
            $"The tenant matrix has no rule for hub parameter '{parameter}': add one to {nameof(TenantMatrix)}.{nameof(ArgumentFor)}."),
    };
}
