using System.Security.Claims;
using RealtyHub.Grains;

namespace RealtyHub.Web.Identity;

/// <summary>Claims the hub adds at sign-in, and how the rest of the app reads the caller from them.</summary>
public static class HubClaims
{
    public const string BrokerageId = "realtyhub:brokerage";
    public const string DisplayName = "realtyhub:name";

    public static string? GetBrokerageId(this ClaimsPrincipal user) => user.FindFirstValue(BrokerageId);

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "unknown";

    /// <summary>
    /// The one tenancy rule: members act only inside their own brokerage; platform admins may act in any.
    /// </summary>
    public static bool CanAccessBrokerage(this ClaimsPrincipal user, string? brokerageId) =>
        brokerageId is not null
        && (user.IsInRole(HubRoles.PlatformAdmin) || string.Equals(user.GetBrokerageId(), brokerageId, StringComparison.Ordinal));

    /// <summary>
    /// <see cref="CanAccessBrokerage"/> for an id that is also a well-formed brokerage key: what a service checks before
    /// it touches the brokerage's grains or rows.
    /// </summary>
    public static bool CanAccessValidBrokerage(this ClaimsPrincipal user, string? brokerageId) =>
        user.CanAccessBrokerage(brokerageId) && GrainKeys.IsValidBrokerageId(brokerageId);

    /// <summary>Supervisors and owners manage their team (e.g. set another agent's presence).</summary>
    public static bool CanManageTeam(this ClaimsPrincipal user) =>
        user.IsInRole(HubRoles.Supervisor) || user.IsInRole(HubRoles.BrokerageOwner) || user.IsInRole(HubRoles.PlatformAdmin);
}
