namespace RealtyHub.Grains.Alerts;

/// <summary>The kinds of <see cref="HubAlert"/> the hub raises.</summary>
public static class AlertKinds
{
    /// <summary>The assigned agent did not answer within the brokerage's first-response SLA.</summary>
    public const string FirstResponseSla = "first-response-sla";

    /// <summary>A client has waited longer than the brokerage's lead-wait threshold (assigned or not).</summary>
    public const string LeadWaiting = "lead-waiting";

    /// <summary>An agent holds more open conversations than their capacity.</summary>
    public const string AgentOverCapacity = "agent-over-capacity";

    /// <summary>More AI requests wait for an expert than the brokerage's backlog threshold.</summary>
    public const string ExpertBacklog = "expert-backlog";

    /// <summary>An AI request missed its delivery SLA.</summary>
    public const string RequestSla = "request-sla";

    /// <summary>An acknowledged WhatsApp message could not be processed after its last attempt and waits for an admin.</summary>
    public const string InboundParked = "inbound-parked";
}
