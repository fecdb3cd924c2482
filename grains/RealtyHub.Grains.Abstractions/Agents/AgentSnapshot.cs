namespace RealtyHub.Grains.Agents;

/// <summary>The live view of one agent, as shown on the console and the board.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.agent-snapshot")]
public sealed record AgentSnapshot(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] AgentProfile Profile,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] DateTimeOffset PresenceChangedAt);
