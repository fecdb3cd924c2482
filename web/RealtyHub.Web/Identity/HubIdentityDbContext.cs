using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RealtyHub.Web.Identity;

/// <summary>
/// ASP.NET Core Identity on the hub's PostgreSQL. The schema is created by the migration script
/// <c>0004_identity.sql</c> (dbup, like every other table), not by EF migrations; a test keeps the two equal.
/// </summary>
public sealed class HubIdentityDbContext(DbContextOptions<HubIdentityDbContext> options)
    : IdentityDbContext<HubUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<HubUser>(user =>
        {
            user.Property(u => u.BrokerageId).HasMaxLength(40).IsRequired();
            user.Property(u => u.DisplayName).HasMaxLength(120).IsRequired();
            user.HasIndex(u => u.BrokerageId);
        });
    }
}
