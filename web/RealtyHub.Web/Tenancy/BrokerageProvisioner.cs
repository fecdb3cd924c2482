using Microsoft.AspNetCore.Identity;
using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tenancy;

/// <summary>A member to add to a brokerage. <see cref="Agent"/> is set for users who take conversations.</summary>
public sealed record NewMember(string Email, string DisplayName, string Role, string Password, AgentProfile? Agent = null, ExpertProfile? Expert = null);

/// <summary>Creates brokerages and their members (users, roles, agent grains): used by demo seeding, admin and tests.</summary>
public sealed class BrokerageProvisioner(
    IGrainFactory grains,
    UserManager<HubUser> users,
    RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in HubRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    public async Task CreateBrokerageAsync(string brokerageId, BrokerageProfile profile)
    {
        if (!GrainKeys.IsValidBrokerageId(brokerageId))
        {
            throw new ArgumentException($"'{brokerageId}' is not a valid brokerage id.", nameof(brokerageId));
        }

        await grains.GetGrain<IBrokerageGrain>(brokerageId).ConfigureAsync(profile);
    }

    /// <summary>Adds a member; if the email exists already, returns that user unchanged (idempotent seeding).</summary>
    public async Task<HubUser> AddMemberAsync(string brokerageId, NewMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var user = await users.FindByEmailAsync(member.Email);
        if (user is null)
        {
            user = new HubUser
            {
                UserName = member.Email,
                Email = member.Email,
                EmailConfirmed = true,
                BrokerageId = brokerageId,
                DisplayName = member.DisplayName,
            };
            Check(await users.CreateAsync(user, member.Password), $"create user {member.Email}");
            Check(await users.AddToRoleAsync(user, member.Role), $"add {member.Email} to {member.Role}");
        }
        else if (user.BrokerageId != brokerageId)
        {
            // Someone of another brokerage (or the platform): never enrol them here.
            return user;
        }

        if (member.Agent is { } profile)
        {
            await grains.GetGrain<IAgentGrain>(GrainKeys.For(brokerageId, user.Id)).EnrollAsync(profile);
        }

        if (member.Expert is { } expertise)
        {
            await grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerageId, user.Id)).EnrolAsync(expertise);
        }

        return user;
    }

    /// <summary>A default agent profile for someone who takes conversations.</summary>
    public static AgentProfile AgentProfileFor(string displayName, string email, int capacity = 8, params string[] areas) =>
        new(displayName, email, ["en"], [.. areas], capacity);

    /// <summary>An expert who takes every kind of request, up to <paramref name="maxClaims"/> at once.</summary>
    public static ExpertProfile ExpertProfileFor(string displayName, string email, int maxClaims = 3, params RequestKind[] skills) =>
        new(displayName, email, skills.Length == 0 ? [.. Enum.GetValues<RequestKind>()] : [.. skills], maxClaims);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
