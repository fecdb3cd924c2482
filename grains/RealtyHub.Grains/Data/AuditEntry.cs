namespace RealtyHub.Grains.Data;

/// <summary>One audited fact: who did what to which subject, inside one brokerage.</summary>
public sealed record AuditEntry(
    string BrokerageId,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string Subject,
    string? Details = null);
