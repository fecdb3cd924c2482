namespace RealtyHub.Grains.Agents;

/// <summary>
/// The live view of one agent, as shown on the console and the board. <see cref="WhatsAppNumber"/> is the agent's own
/// WhatsApp; with <see cref="DeliverablesToWhatsApp"/> their delivered AI requests are also sent there.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.agent-snapshot")]
public sealed record AgentSnapshot(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] AgentProfile Profile,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] DateTimeOffset PresenceChangedAt,
    [property: Id(5)] string? WhatsAppNumber = null,
    [property: Id(6)] bool DeliverablesToWhatsApp = false);
