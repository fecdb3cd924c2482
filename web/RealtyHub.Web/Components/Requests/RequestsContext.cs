using System.Security.Claims;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Components.Requests;

/// <summary>Who is looking at requests, in which brokerage and time zone; shared by the Requests and Experts pages.</summary>
public sealed record RequestsContext(ClaimsPrincipal User, string BrokerageId, TimeZoneInfo TimeZone)
{
    public string UserId { get; } = User.GetUserId();

    /// <summary>Supervisors and owners see every request, read-only, and reclaim claimed ones.</summary>
    public bool IsSupervisor { get; } = User.CanManageTeam();

    /// <summary>Only agents ask (the service's rule).</summary>
    public bool IsAgent { get; } = User.IsInRole(HubRoles.Agent);

    public bool IsExpert { get; } = User.IsInRole(HubRoles.Expert);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    public string DeliverableUrl(string requestId) =>
        $"api/brokerages/{Uri.EscapeDataString(BrokerageId)}/requests/{Uri.EscapeDataString(requestId)}/deliverable.html";
}
