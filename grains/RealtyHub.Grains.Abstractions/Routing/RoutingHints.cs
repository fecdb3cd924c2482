namespace RealtyHub.Grains.Routing;

/// <summary>What is known about the client that helps pick an agent (ISO language code, area name); both optional.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.routing-hints")]
public sealed record RoutingHints(
    [property: Id(0)] string? Language,
    [property: Id(1)] string? Area)
{
    public static readonly RoutingHints None = new(null, null);
}
