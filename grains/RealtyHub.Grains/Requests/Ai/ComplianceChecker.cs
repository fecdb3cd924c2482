using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>Checks drafts against the brokerage's stored rules (or the defaults while it has none).</summary>
internal sealed class ComplianceChecker(IComplianceRules rules) : IComplianceChecker
{
    public async Task<IReadOnlyList<ComplianceFinding>> CheckAsync(string brokerageId, RequestKind kind, string markdown, CancellationToken cancellationToken = default) =>
        ComplianceRuleEngine.Check(await rules.ListAsync(brokerageId, cancellationToken), kind, markdown);
}
