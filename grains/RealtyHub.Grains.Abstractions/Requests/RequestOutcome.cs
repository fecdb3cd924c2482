using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>How a command on a request went.</summary>
[GenerateSerializer, Alias("realtyhub.request-outcome-status")]
public enum RequestOutcomeStatus
{
    Done = 0,

    /// <summary>The request is not in a state where this is possible (e.g. rating before delivery).</summary>
    NotAllowed = 1,

    /// <summary>The caller is not the agent or expert this belongs to.</summary>
    NotYours = 2,

    /// <summary>The input is wrong (empty answer, rating out of range...).</summary>
    Invalid = 3,

    /// <summary>Delivery refused: the draft breaks compliance rules and no override reason was given.</summary>
    ComplianceBlocked = 4,
}

/// <summary>The result of a command: the request after it, and the reason when it was not done.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.request-outcome")]
public sealed record RequestOutcome(
    [property: Id(0)] RequestOutcomeStatus Status,
    [property: Id(1)] RequestView? Request,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] ImmutableArray<ComplianceFinding> Findings = default);
