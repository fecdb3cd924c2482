using System.Security.Claims;

namespace RealtyHub.Web.Components.Board;

/// <summary>What every panel of the board needs: who is looking, at which brokerage, and in which time zone.</summary>
public sealed record BoardContext(ClaimsPrincipal User, string BrokerageId, TimeZoneInfo TimeZone)
{
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);
}
