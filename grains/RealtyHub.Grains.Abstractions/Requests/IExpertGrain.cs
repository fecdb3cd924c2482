using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>A human expert of one brokerage: skills, how many requests they may hold at once, availability. Key: <c>{brokerageId}/{expertId}</c>.</summary>
[Alias("realtyhub.expert")]
public interface IExpertGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<ExpertSnapshot?> GetAsync();

    /// <summary>Enrols or updates the expert (idempotent).</summary>
    [Alias("enrol")]
    Task<ExpertSnapshot> EnrolAsync(ExpertProfile profile);

    /// <summary>The expert starts or stops taking offers; going unavailable withdraws their open offers.</summary>
    [Alias("set-availability")]
    Task<ExpertSnapshot> SetAvailabilityAsync(bool available);
}

/// <summary>Who the expert is and what they take on.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.expert-profile")]
public sealed record ExpertProfile(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string Email,
    [property: Id(2)] ImmutableArray<RequestKind> Skills,
    [property: Id(3)] int MaxClaims);

[GenerateSerializer, Immutable, Alias("realtyhub.expert-snapshot")]
public sealed record ExpertSnapshot(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string ExpertId,
    [property: Id(2)] ExpertProfile Profile,
    [property: Id(3)] bool Available,
    [property: Id(4)] DateTimeOffset ChangedAt);
