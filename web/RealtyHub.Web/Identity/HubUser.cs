using Microsoft.AspNetCore.Identity;

namespace RealtyHub.Web.Identity;

/// <summary>A console user. Every user belongs to exactly one brokerage (platform admins to the platform's own).</summary>
public sealed class HubUser : IdentityUser
{
    public required string BrokerageId { get; set; }

    public required string DisplayName { get; set; }
}
