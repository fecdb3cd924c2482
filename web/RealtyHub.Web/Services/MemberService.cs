using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>A member of a brokerage as the admin page lists them.</summary>
public sealed record MemberRow(string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Reads a brokerage's members from Identity; only owners and platform admins reach it.</summary>
public sealed class MemberService(HubIdentityDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MemberRow>?> ListAsync(ClaimsPrincipal caller, string brokerageId)
    {
        if (!caller.CanAccessBrokerage(brokerageId))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var rows = await (
            from user in db.Users.AsNoTracking()
            where user.BrokerageId == brokerageId
            orderby user.DisplayName
            select new
            {
                user.Id,
                user.DisplayName,
                user.Email,
                user.LockoutEnd,
                Roles = (from link in db.UserRoles
                         join role in db.Roles on link.RoleId equals role.Id
                         where link.UserId == user.Id
                         select role.Name).ToList(),
            }).ToListAsync();
        return [.. rows.Select(r => new MemberRow(r.Id, r.DisplayName, r.Email ?? string.Empty, [.. r.Roles.OfType<string>()], r.LockoutEnd > now))];
    }
}
