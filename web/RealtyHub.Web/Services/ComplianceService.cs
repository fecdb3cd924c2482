using System.Security.Claims;
using System.Text.RegularExpressions;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>
/// The brokerage's compliance rules for the console and the API: every member may read them and test a text against
/// them; owners (and platform admins) change them, and each change is audited.
/// </summary>
public sealed partial class ComplianceService(IComplianceRules rules, IComplianceChecker checker, IAuditLog audit, TimeProvider clock)
{
    public const int MaxTextLength = 100_000;

    public static bool MayEdit(ClaimsPrincipal caller) =>
        caller.IsInRole(HubRoles.BrokerageOwner) || caller.IsInRole(HubRoles.PlatformAdmin);

    public static bool IsValidRuleId(string? ruleId) => ruleId is not null && RuleIdPattern().IsMatch(ruleId);

    public async Task<IReadOnlyList<ComplianceRule>?> ListAsync(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessValidBrokerage(brokerageId) ? await rules.ListAsync(brokerageId) : null;

    public async Task<IReadOnlyList<ComplianceFinding>?> CheckAsync(ClaimsPrincipal caller, string brokerageId, RequestKind kind, string text) =>
        caller.CanAccessValidBrokerage(brokerageId) ? await checker.CheckAsync(brokerageId, kind, text) : null;

    public async Task<EditResult<ComplianceRule>> SaveAsync(ClaimsPrincipal caller, string brokerageId, string ruleId, ComplianceRuleUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!caller.CanAccessValidBrokerage(brokerageId))
        {
            return new(EditStatus.NotFound);
        }

        if (!MayEdit(caller))
        {
            return new(EditStatus.Forbidden);
        }

        if (update.Problems(ruleId) is { Count: > 0 } problems)
        {
            return new(EditStatus.Invalid, Problems: problems);
        }

        var saved = await rules.UpsertAsync(brokerageId, update.ToRule(ruleId, caller.GetDisplayName()));
        await audit.RecordAsync(new AuditEntry(brokerageId, clock.GetUtcNow(), caller.GetDisplayName(), "compliance.rule-save", ruleId,
            $"{saved.RuleType} \"{saved.Pattern}\" applies-to={(saved.AppliesTo.Count == 0 ? "all" : string.Join(',', saved.AppliesTo))} enabled={saved.Enabled}"));
        return new(EditStatus.Done, saved);
    }

    public async Task<EditStatus> DeleteAsync(ClaimsPrincipal caller, string brokerageId, string ruleId)
    {
        if (!caller.CanAccessValidBrokerage(brokerageId) || !IsValidRuleId(ruleId))
        {
            return EditStatus.NotFound;
        }

        if (!MayEdit(caller))
        {
            return EditStatus.Forbidden;
        }

        if (!await rules.DeleteAsync(brokerageId, ruleId))
        {
            return EditStatus.NotFound;
        }

        await audit.RecordAsync(new AuditEntry(brokerageId, clock.GetUtcNow(), caller.GetDisplayName(), "compliance.rule-delete", ruleId));
        return EditStatus.Done;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex RuleIdPattern();
}
