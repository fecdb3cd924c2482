namespace RealtyHub.Grains.Data;

/// <summary>
/// The brokerage's compliance rules in PostgreSQL (<c>compliance_rules</c>). A brokerage with no stored rules is
/// checked against <see cref="ComplianceDefaults"/>; its first change stores the defaults, then applies the change,
/// so editing one default never drops the others. To switch a default off, disable it.
/// </summary>
public interface IComplianceRules
{
    /// <summary>The stored rules by id, or the defaults when the brokerage has none stored.</summary>
    Task<IReadOnlyList<ComplianceRule>> ListAsync(string brokerageId, CancellationToken cancellationToken = default);

    /// <summary>Stores the defaults when the brokerage has no rules yet; otherwise changes nothing.</summary>
    Task EnsureDefaultsAsync(string brokerageId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a rule (validated by the caller) and returns it as stored.</summary>
    Task<ComplianceRule> UpsertAsync(string brokerageId, ComplianceRule rule, CancellationToken cancellationToken = default);

    /// <summary>Removes a rule; <c>false</c> when there was none.</summary>
    Task<bool> DeleteAsync(string brokerageId, string ruleId, CancellationToken cancellationToken = default);
}
