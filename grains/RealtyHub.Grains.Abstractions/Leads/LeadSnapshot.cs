namespace RealtyHub.Grains.Leads;

/// <summary>The live view of one lead.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.lead-snapshot")]
public sealed record LeadSnapshot(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string LeadId,
    [property: Id(2)] LeadDetails Details,
    [property: Id(3)] LeadStage Stage,
    [property: Id(4)] string? OwnerAgentId,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] FollowUp? FollowUp,
    [property: Id(7)] DateTimeOffset? LastContactAt = null,
    [property: Id(8)] bool OptedOut = false);
