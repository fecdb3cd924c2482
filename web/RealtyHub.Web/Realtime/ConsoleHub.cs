using System.Collections.Immutable;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Realtime;

/// <summary>
/// The console's live channel for programs (.NET/JS clients, load tests). Thin: it checks the caller and hands
/// over to services; the brokerage scope of every method with a <c>brokerageId</c> is enforced by
/// <see cref="Tenancy.BrokerageScopeHubFilter"/>.
/// </summary>
[Authorize]
public sealed class ConsoleHub(TeamService team, BoardService board, BrokerageFeed feed, BoardFeed boardFeed) : Hub<IConsoleClient>
{
    public const string Path = "/hubs/console";
    private const string FeedLease = "feed-lease";
    private const string BoardLease = "board-lease";

    public override async Task OnConnectedAsync()
    {
        var brokerageId = Context.User!.GetBrokerageId() ?? throw new HubException("Your account has no brokerage.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Brokerage(brokerageId));
        if (Context.User!.CanManageTeam())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Supervisors(brokerageId));
            Context.Items[BoardLease] = await boardFeed.WatchAsync(brokerageId);
        }

        if (Context.User!.IsInRole(HubRoles.Agent))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Agents(brokerageId));
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Agent(brokerageId, Context.User!.GetUserId()));
        }

        if (Context.User!.IsInRole(HubRoles.Expert))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Experts(brokerageId));
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Expert(brokerageId, Context.User!.GetUserId()));
        }

        Context.Items[FeedLease] = await feed.WatchAsync(brokerageId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var key in (string[])[FeedLease, BoardLease])
        {
            if (Context.Items.TryGetValue(key, out var item) && item is IAsyncDisposable lease)
            {
                await lease.DisposeAsync();
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The brokerage's agents with their presence.</summary>
    public async Task<ImmutableArray<AgentSnapshot>> GetAgents(string brokerageId) =>
        await team.GetAgentsAsync(Context.User!, brokerageId) ?? throw new HubException("Brokerage not found.");

    /// <summary>One agent.</summary>
    public async Task<AgentSnapshot> GetAgent(string brokerageId, string agentId) =>
        await team.GetAgentAsync(Context.User!, brokerageId, agentId) ?? throw new HubException("Agent not found.");

    /// <summary>Sets an agent's presence (one's own, or any team member's for supervisors and owners).</summary>
    public async Task<AgentSnapshot> SetPresence(string brokerageId, string agentId, AgentPresence presence)
    {
        if (!Enum.IsDefined(presence))
        {
            throw new HubException($"Presence must be one of: {string.Join(", ", Enum.GetNames<AgentPresence>())}.");
        }

        var (status, agent) = await team.SetPresenceAsync(Context.User!, brokerageId, agentId, presence);
        return status switch
        {
            CommandStatus.Done => agent!,
            CommandStatus.Forbidden => throw new HubException("You may only change your own presence."),
            _ => throw new HubException("Agent not found."),
        };
    }

    /// <summary>The team board (supervisors and owners).</summary>
    public async Task<BoardSnapshot> GetBoard(string brokerageId) =>
        await board.GetAsync(Context.User!, brokerageId) ?? throw new HubException("Board not found.");

    /// <summary>Acknowledges an alert on the team board (supervisors and owners).</summary>
    public async Task AcknowledgeAlert(string brokerageId, string alertId)
    {
        if (await board.AcknowledgeAlertAsync(Context.User!, brokerageId, alertId) != CommandStatus.Done)
        {
            throw new HubException("Alert not found.");
        }
    }
}
