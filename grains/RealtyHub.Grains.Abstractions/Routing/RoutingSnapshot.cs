using System.Collections.Immutable;

namespace RealtyHub.Grains.Routing;

/// <summary>Open conversations per agent and the unassigned queue.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.routing-snapshot")]
public sealed record RoutingSnapshot(
    [property: Id(0)] ImmutableDictionary<string, int> OpenByAgent,
    [property: Id(1)] ImmutableArray<QueuedConversation> Queue);
