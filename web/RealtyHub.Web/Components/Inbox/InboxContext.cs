using System.Security.Claims;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>What every part of the inbox needs to know: who is looking, in which brokerage and time zone, and the team.</summary>
public sealed record InboxContext(ClaimsPrincipal User, string BrokerageId, TimeZoneInfo TimeZone, IReadOnlyDictionary<string, AgentSnapshot> Agents)
{
    public string UserId { get; } = User.GetUserId();

    /// <summary>Supervisors and owners see every conversation and may reassign.</summary>
    public bool IsSupervisor { get; } = User.CanManageTeam();

    public string AgentName(string? agentId) =>
        agentId is null ? "Unassigned"
        : agentId == UserId ? "You"
        : Agents.TryGetValue(agentId, out var agent) ? agent.Profile.DisplayName : "Another agent";

    public string AssignedText(string? agentId) =>
        agentId is null ? "Unassigned" : agentId == UserId ? "Assigned to you" : $"Assigned to {AgentName(agentId)}";

    /// <summary>The service's own rule: agents work on their conversations and the unassigned queue.</summary>
    public bool MayWorkOn(ConversationSummary conversation) =>
        IsSupervisor || conversation.AssignedAgentId is null || conversation.AssignedAgentId == UserId;

    public string MediaUrl(string mediaId) =>
        $"api/brokerages/{Uri.EscapeDataString(BrokerageId)}/media/{Uri.EscapeDataString(mediaId)}";

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    /// <summary>The brokerage's zone; UTC when the host does not know it (a container without tzdata).</summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId)
    {
        try
        {
            return timeZoneId is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
