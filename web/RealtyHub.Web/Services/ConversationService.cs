using System.Collections.Immutable;
using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>
/// The inbox for the console and the API. Agents see their own and unassigned conversations; supervisors and owners
/// see all and may reassign. Every method checks the caller's brokerage first.
/// </summary>
public sealed class ConversationService(IGrainFactory grains, IConversationStore store, IMediaStore media)
{
    public const int MaxPage = 100;

    public async Task<IReadOnlyList<ConversationSummary>?> ListAsync(ClaimsPrincipal caller, string brokerageId, InboxFilter filter, string? search, int limit = 50)
    {
        if (!caller.CanAccessBrokerage(brokerageId))
        {
            return null;
        }

        limit = Math.Clamp(limit, 1, MaxPage);
        var list = string.IsNullOrWhiteSpace(search)
            ? await store.ListAsync(brokerageId, caller.CanManageTeam() ? filter : Narrow(filter), caller.GetUserId(), limit)
            : await store.SearchAsync(brokerageId, search.Trim(), limit);
        return caller.CanManageTeam() ? list : [.. list.Where(c => MayView(caller, c))];
    }

    public async Task<ConversationView?> GetAsync(ClaimsPrincipal caller, string brokerageId, string conversationId) =>
        Find(caller, brokerageId, conversationId) is { } grain && await grain.GetAsync() is { } view && MayView(caller, view.Summary)
            ? view
            : null;

    /// <summary>
    /// The conversation an AI request links, for the expert holding that request (they need the client's words to do
    /// the work), and for anyone who may read it anyway.
    /// </summary>
    public async Task<ConversationView?> GetForRequestAsync(ClaimsPrincipal caller, string brokerageId, RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Entities.ConversationId is not { } conversationId || request.BrokerageId != brokerageId)
        {
            return null;
        }

        var holdsRequest = caller.IsInRole(HubRoles.Expert) && request.ExpertId == caller.GetUserId();
        return holdsRequest && Find(caller, brokerageId, conversationId) is { } grain
            ? await grain.GetAsync()
            : await GetAsync(caller, brokerageId, conversationId);
    }

    public async Task<IReadOnlyList<StoredMessage>?> PageAsync(ClaimsPrincipal caller, string brokerageId, string conversationId, long? before, int limit) =>
        await GetAsync(caller, brokerageId, conversationId) is null
            ? null
            : await store.PageAsync(brokerageId, conversationId, before, Math.Clamp(limit, 1, MaxPage));

    /// <summary>An agent replying to an unassigned conversation takes it.</summary>
    public async Task<(CommandStatus Status, ReplyOutcome? Outcome)> ReplyAsync(
        ClaimsPrincipal caller, string brokerageId, string conversationId, string? body, string? templateSid,
        ImmutableDictionary<string, string>? variables, string? idempotencyKey)
    {
        if (await GetAsync(caller, brokerageId, conversationId) is not { } view)
        {
            return (CommandStatus.NotFound, null);
        }

        var grain = Grain(brokerageId, conversationId);
        if (view.Summary.AssignedAgentId is null && caller.IsInRole(HubRoles.Agent))
        {
            await grain.AssignAsync(caller.GetUserId(), caller.GetDisplayName());
        }

        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey.Trim();
        var outcome = await grain.ReplyAsync(new ReplyRequest(caller.GetUserId(), $"out-{key}", body, templateSid, variables));
        return (CommandStatus.Done, outcome);
    }

    /// <summary>Supervisors assign to anyone (or nobody); agents may only take an unassigned conversation themselves.</summary>
    public async Task<(CommandStatus Status, ConversationSummary? Conversation)> AssignAsync(ClaimsPrincipal caller, string brokerageId, string conversationId, string? agentId)
    {
        if (await GetAsync(caller, brokerageId, conversationId) is not { } view)
        {
            return (CommandStatus.NotFound, null);
        }

        var selfTake = agentId == caller.GetUserId() && view.Summary.AssignedAgentId is null;
        if (!caller.CanManageTeam() && !selfTake)
        {
            return (CommandStatus.Forbidden, null);
        }

        if (agentId is not null && !(await grains.GetGrain<IBrokerageGrain>(brokerageId).GetAgentsAsync()).Any(a => a.AgentId == agentId))
        {
            return (CommandStatus.NotFound, null);
        }

        return (CommandStatus.Done, await Grain(brokerageId, conversationId).AssignAsync(agentId, caller.GetDisplayName()));
    }

    public async Task<(CommandStatus Status, ConversationSummary? Conversation)> SetStatusAsync(ClaimsPrincipal caller, string brokerageId, string conversationId, ConversationStatus status)
    {
        if (await GetAsync(caller, brokerageId, conversationId) is not { } view)
        {
            return (CommandStatus.NotFound, null);
        }

        if (!caller.CanManageTeam() && view.Summary.AssignedAgentId != caller.GetUserId())
        {
            return (CommandStatus.Forbidden, null);
        }

        return (CommandStatus.Done, await Grain(brokerageId, conversationId).SetStatusAsync(status, caller.GetDisplayName()));
    }

    public async Task<bool> MarkReadAsync(ClaimsPrincipal caller, string brokerageId, string conversationId)
    {
        if (await GetAsync(caller, brokerageId, conversationId) is null)
        {
            return false;
        }

        await Grain(brokerageId, conversationId).MarkReadAsync();
        return true;
    }

    public async Task<StoredMedia?> GetMediaAsync(ClaimsPrincipal caller, string brokerageId, string mediaId) =>
        caller.CanAccessBrokerage(brokerageId) ? await media.FindAsync(brokerageId, mediaId) : null;

    public async Task<ImmutableArray<WhatsAppTemplate>?> GetTemplatesAsync(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessValidBrokerage(brokerageId)
            ? (await grains.GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync())?.Templates ?? []
            : null;

    private static InboxFilter Narrow(InboxFilter filter) => filter == InboxFilter.All ? InboxFilter.Mine : filter;

    private static bool MayView(ClaimsPrincipal caller, ConversationSummary conversation) =>
        caller.CanManageTeam() || conversation.AssignedAgentId is null || conversation.AssignedAgentId == caller.GetUserId();

    /// <summary>The conversation's grain, if the caller's brokerage matches and the id is an E.164 number's digits.</summary>
    private IConversationGrain? Find(ClaimsPrincipal caller, string brokerageId, string conversationId) =>
        caller.CanAccessValidBrokerage(brokerageId)
            && conversationId.Length is > 0 and <= 16 && conversationId.All(char.IsAsciiDigit)
            ? Grain(brokerageId, conversationId)
            : null;

    private IConversationGrain Grain(string brokerageId, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.For(brokerageId, conversationId));
}
