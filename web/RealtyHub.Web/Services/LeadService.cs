using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>Leads as the console and API see them: lists from the lead directory, details from the lead grain.</summary>
public sealed class LeadService(IGrainFactory grains, ILeadDirectory directory)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<LeadListItem>?> ListAsync(ClaimsPrincipal caller, string brokerageId, int limit = 50) =>
        caller.CanAccessBrokerage(brokerageId)
            ? await directory.ListAsync(brokerageId, Math.Clamp(limit, 1, MaxPageSize))
            : null;

    public async Task<LeadSnapshot?> GetAsync(ClaimsPrincipal caller, string brokerageId, string leadId) =>
        caller.CanAccessBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, leadId)
            ? await grains.GetGrain<ILeadGrain>(GrainKeys.For(brokerageId, leadId)).GetAsync()
            : null;

    /// <summary>Agents move their own leads and unowned ones; supervisors and owners any lead of their brokerage.</summary>
    public async Task<(CommandStatus Status, LeadSnapshot? Lead)> MoveStageAsync(ClaimsPrincipal caller, string brokerageId, string leadId, LeadStage stage)
    {
        if (await GetAsync(caller, brokerageId, leadId) is not { } lead)
        {
            return (CommandStatus.NotFound, null);
        }

        if (!MayMoveStage(caller, lead))
        {
            return (CommandStatus.Forbidden, null);
        }

        var moved = await grains.GetGrain<ILeadGrain>(GrainKeys.For(brokerageId, leadId)).MoveStageAsync(stage, caller.GetUserId());
        return (CommandStatus.Done, moved);
    }

    public static bool MayMoveStage(ClaimsPrincipal caller, LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(lead);
        return caller.CanManageTeam()
            || (caller.IsInRole(HubRoles.Agent) && (lead.OwnerAgentId is null || lead.OwnerAgentId == caller.GetUserId()));
    }
}
