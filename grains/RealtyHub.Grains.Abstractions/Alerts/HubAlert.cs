namespace RealtyHub.Grains.Alerts;

/// <summary>Something a supervisor should see now (e.g. a missed first-response SLA).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.hub-alert")]
public sealed record HubAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string BrokerageId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? ConversationId = null,
    [property: Id(6)] string? AgentId = null);
