namespace RealtyHub.Grains.Data;

/// <summary>Append-only audit trail in PostgreSQL (<c>audit_events</c>).</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The newest entries of one brokerage, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);
}
