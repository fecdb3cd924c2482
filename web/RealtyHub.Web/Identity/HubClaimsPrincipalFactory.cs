using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RealtyHub.Web.Identity;

/// <summary>Puts the user's brokerage and display name into the sign-in cookie, next to the roles.</summary>
internal sealed class HubClaimsPrincipalFactory(
    UserManager<HubUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HubUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HubClaims.BrokerageId, user.BrokerageId));
        identity.AddClaim(new Claim(HubClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
