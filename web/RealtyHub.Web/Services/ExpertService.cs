using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>The expert workbench and the supervisors' view of the expert queue.</summary>
public sealed class ExpertService(IGrainFactory grains)
{
    /// <summary>The queue, offers, claims and experts, for the brokerage's experts, supervisors and owners.</summary>
    public async Task<DispatchSnapshot?> GetDispatchAsync(ClaimsPrincipal caller, string brokerageId) =>
        MaySeeQueue(caller, brokerageId) ? await Dispatch(brokerageId).GetAsync() : null;

    public async Task<ExpertSnapshot?> GetExpertAsync(ClaimsPrincipal caller, string brokerageId, string expertId) =>
        MaySeeQueue(caller, brokerageId) && GrainKeys.IsValid(brokerageId, expertId)
            ? await grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerageId, expertId)).GetAsync()
            : null;

    /// <summary>Experts set their own availability; supervisors and owners may set anyone's.</summary>
    public async Task<(CommandStatus Status, ExpertSnapshot? Expert)> SetAvailabilityAsync(ClaimsPrincipal caller, string brokerageId, string expertId, bool available)
    {
        if (await GetExpertAsync(caller, brokerageId, expertId) is null)
        {
            return (CommandStatus.NotFound, null);
        }

        if (expertId != caller.GetUserId() && !caller.CanManageTeam())
        {
            return (CommandStatus.Forbidden, null);
        }

        return (CommandStatus.Done, await grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerageId, expertId)).SetAvailabilityAsync(available));
    }

    /// <summary>The calling expert accepts their offer or claims a waiting request; <c>null</c> when the caller is no expert here.</summary>
    public async Task<ClaimResult?> AcceptAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        IsExpert(caller, brokerageId) && GrainKeys.IsValid(brokerageId, requestId)
            ? await Dispatch(brokerageId).AcceptAsync(requestId, caller.GetUserId())
            : null;

    public async Task<bool> DeclineAsync(ClaimsPrincipal caller, string brokerageId, string requestId)
    {
        if (!IsExpert(caller, brokerageId) || !GrainKeys.IsValid(brokerageId, requestId))
        {
            return false;
        }

        await Dispatch(brokerageId).DeclineAsync(requestId, caller.GetUserId());
        return true;
    }

    /// <summary>The calling expert gives back a request they hold: <c>null</c> not found, <c>false</c> not theirs to release.</summary>
    public async Task<bool?> ReleaseAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        IsExpert(caller, brokerageId) && GrainKeys.IsValid(brokerageId, requestId)
            ? await Dispatch(brokerageId).ReleaseAsync(requestId, caller.GetUserId())
            : null;

    /// <summary>Supervisors take a claimed request back to the queue: <c>null</c> not found, <c>false</c> nobody holds it.</summary>
    public async Task<bool?> ReclaimAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        caller.CanManageTeam() && caller.CanAccessValidBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, requestId)
            ? await Dispatch(brokerageId).ReclaimAsync(requestId, caller.GetDisplayName())
            : null;

    private static bool MaySeeQueue(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessValidBrokerage(brokerageId) && (caller.IsInRole(HubRoles.Expert) || caller.CanManageTeam());

    private static bool IsExpert(ClaimsPrincipal caller, string brokerageId) => caller.CanAccessValidBrokerage(brokerageId) && caller.IsInRole(HubRoles.Expert);

    private IDispatchGrain Dispatch(string brokerageId) => grains.GetGrain<IDispatchGrain>(brokerageId);
}
