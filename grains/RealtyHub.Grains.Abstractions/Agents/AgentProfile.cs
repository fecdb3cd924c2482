using System.Collections.Immutable;

namespace RealtyHub.Grains.Agents;

/// <summary>Who the agent is and what work suits them; routing reads skills, languages, areas and capacity.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.agent-profile")]
public sealed record AgentProfile(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string Email,
    [property: Id(2)] ImmutableArray<string> Languages,
    [property: Id(3)] ImmutableArray<string> Areas,
    [property: Id(4)] int Capacity);
