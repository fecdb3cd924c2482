using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>The team board for supervisors and owners of the brokerage; everyone else gets nothing (not found).</summary>
public sealed class BoardService(IGrainFactory grains)
{
    public async Task<BoardSnapshot?> GetAsync(ClaimsPrincipal caller, string brokerageId) =>
        MaySee(caller, brokerageId) ? await Board(brokerageId).GetAsync() : null;

    /// <summary>Marks an alert seen by the caller; <see cref="CommandStatus.NotFound"/> if the board has no such alert.</summary>
    public async Task<CommandStatus> AcknowledgeAlertAsync(ClaimsPrincipal caller, string brokerageId, string alertId)
    {
        if (!MaySee(caller, brokerageId) || string.IsNullOrWhiteSpace(alertId) || alertId.Length > 64)
        {
            return CommandStatus.NotFound;
        }

        return await Board(brokerageId).AcknowledgeAlertAsync(alertId, caller.GetDisplayName()) ? CommandStatus.Done : CommandStatus.NotFound;
    }

    public static bool MaySee(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanManageTeam() && caller.CanAccessBrokerage(brokerageId) && GrainKeys.IsValidBrokerageId(brokerageId);

    private ITeamBoardGrain Board(string brokerageId) => grains.GetGrain<ITeamBoardGrain>(brokerageId);
}
