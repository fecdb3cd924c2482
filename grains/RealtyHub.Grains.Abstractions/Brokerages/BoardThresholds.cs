namespace RealtyHub.Grains.Brokerages;

/// <summary>When the team board raises alerts: a client waiting longer than <paramref name="LeadWait"/>, more than <paramref name="ExpertBacklog"/> requests waiting for an expert.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-thresholds")]
public sealed record BoardThresholds(
    [property: Id(0)] TimeSpan LeadWait,
    [property: Id(1)] int ExpertBacklog)
{
    public static readonly BoardThresholds Default = new(TimeSpan.FromMinutes(10), 5);
}
