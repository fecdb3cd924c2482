using System.Collections.Immutable;
using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>What happened to a command, so API, hub and console can each answer in their own way.</summary>
public enum CommandStatus
{
    Done,
    NotFound,
    Forbidden,
}

/// <summary>The console's and API's way to the agents of a brokerage; no caller outside it touches grains.</summary>
public sealed class TeamService(IGrainFactory grains, IAuditLog audit)
{
    public async Task<BrokerageProfile?> GetBrokerageAsync(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessBrokerage(brokerageId) && GrainKeys.IsValidBrokerageId(brokerageId)
            ? await grains.GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync()
            : null;

    public async Task<ImmutableArray<AgentSnapshot>?> GetAgentsAsync(ClaimsPrincipal caller, string brokerageId) =>
        await GetBrokerageAsync(caller, brokerageId) is null
            ? null
            : await grains.GetGrain<IBrokerageGrain>(brokerageId).GetAgentsAsync();

    public async Task<AgentSnapshot?> GetAgentAsync(ClaimsPrincipal caller, string brokerageId, string agentId) =>
        caller.CanAccessBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, agentId)
            ? await grains.GetGrain<IAgentGrain>(GrainKeys.For(brokerageId, agentId)).GetAsync()
            : null;

    /// <summary>Agents change their own presence; supervisors and owners may change anyone's in their team.</summary>
    public async Task<(CommandStatus Status, AgentSnapshot? Agent)> SetPresenceAsync(
        ClaimsPrincipal caller, string brokerageId, string agentId, AgentPresence presence)
    {
        if (await GetAgentAsync(caller, brokerageId, agentId) is null)
        {
            return (CommandStatus.NotFound, null);
        }

        if (caller.GetUserId() != agentId && !caller.CanManageTeam())
        {
            return (CommandStatus.Forbidden, null);
        }

        var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.For(brokerageId, agentId))
            .SetPresenceAsync(presence, caller.GetDisplayName());
        return (CommandStatus.Done, agent);
    }

    /// <summary>
    /// An agent's own WhatsApp and whether their deliverables go there: the agent themself, or a supervisor or owner.
    /// <paramref name="number"/> must be E.164 (+ and 8 to 15 digits) or empty to remove it.
    /// </summary>
    public async Task<(CommandStatus Status, AgentSnapshot? Agent)> SetWhatsAppAsync(
        ClaimsPrincipal caller, string brokerageId, string agentId, string? number, bool deliverables)
    {
        if (await GetAgentAsync(caller, brokerageId, agentId) is null)
        {
            return (CommandStatus.NotFound, null);
        }

        if (caller.GetUserId() != agentId && !caller.CanManageTeam())
        {
            return (CommandStatus.Forbidden, null);
        }

        var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.For(brokerageId, agentId))
            .SetWhatsAppAsync(string.IsNullOrWhiteSpace(number) ? null : number.Trim(), deliverables);
        return (CommandStatus.Done, agent);
    }

    /// <summary>Whether <paramref name="number"/> is an E.164 phone number (or empty).</summary>
    public static bool IsWhatsAppNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) || System.Text.RegularExpressions.Regex.IsMatch(number.Trim(), @"^\+[1-9][0-9]{7,14}$");

    /// <summary>Owners (and platform admins) change their brokerage's response targets; the change is audited.</summary>
    public async Task<(CommandStatus Status, BrokerageProfile? Profile)> UpdateAlertSettingsAsync(
        ClaimsPrincipal caller, string brokerageId, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await GetBrokerageAsync(caller, brokerageId) is not { } profile)
        {
            return (CommandStatus.NotFound, null);
        }

        if (!caller.IsInRole(HubRoles.BrokerageOwner) && !caller.IsInRole(HubRoles.PlatformAdmin))
        {
            return (CommandStatus.Forbidden, null);
        }

        var updated = settings.ApplyTo(profile);
        await grains.GetGrain<IBrokerageGrain>(brokerageId).ConfigureAsync(updated);
        await audit.RecordAsync(new AuditEntry(brokerageId, DateTimeOffset.UtcNow, caller.GetDisplayName(), "brokerage.alert-settings", brokerageId,
            $"sla={settings.FirstResponseSlaMinutes}m lead-wait={settings.LeadWaitMinutes}m expert-backlog={settings.ExpertBacklog}"));
        return (CommandStatus.Done, updated);
    }
}
