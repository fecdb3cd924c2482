namespace RealtyHub.Grains.Leads;

/// <summary>What the brokerage knows about a lead. <see cref="Phone"/> is E.164 (<c>+9715...</c>).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.lead-details")]
public sealed record LeadDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Source,
    [property: Id(3)] string? Area,
    [property: Id(4)] decimal? BudgetAed,
    [property: Id(5)] string? Notes);
