namespace RealtyHub.Grains.Leads;

/// <summary>A scheduled follow-up; <see cref="FiredAt"/> is set when its reminder went off.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.follow-up")]
public sealed record FollowUp(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] string Note,
    [property: Id(2)] DateTimeOffset? FiredAt);
