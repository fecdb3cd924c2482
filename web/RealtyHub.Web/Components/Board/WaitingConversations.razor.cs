using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Board;

/// <summary>
/// The open conversations whose client waits (unassigned, or awaiting a reply), loaded once and then kept current by
/// the brokerage feed's conversation events, so no query runs per board push.
/// </summary>
public sealed partial class WaitingConversations
{
    private const int Limit = ConversationService.MaxPage;
    private const int Shown = 15;

    private readonly Dictionary<string, ConversationSummary> _waiting = new(StringComparer.Ordinal);
    // Conversations heard from the feed while the first load runs: their stored rows are older and must not win.
    private readonly HashSet<string> _heardDuringLoad = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private bool _loading = true;
    private string? _error;
    private IAsyncDisposable? _lease;

    [Parameter, EditorRequired]
    public BoardContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<BoardAgent> Agents { get; set; } = [];

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private List<ConversationSummary> Waiting =>
        [.. _waiting.Values.OrderBy(WaitingSince).ThenBy(c => c.ConversationId, StringComparer.Ordinal)];

    /// <summary>Who can take work first: online agents with room, then the rest.</summary>
    private IEnumerable<BoardAgent> Pickable => Agents
        .OrderBy(a => BoardFormat.PresenceRank(a.Presence))
        .ThenBy(a => a.OpenConversations >= a.Capacity)
        .ThenBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase);

    protected override async Task OnInitializedAsync()
    {
        try
        {
            // Subscribe first, then load: an event arriving in between wins over the (older) stored row.
            if (RendererInfo.IsInteractive)
            {
                _lease = await Feed.WatchAsync(Context.BrokerageId, OnEvent);
            }

            var unassigned = await Conversations.ListAsync(Context.User, Context.BrokerageId, InboxFilter.Unassigned, null, Limit) ?? [];
            var recent = await Conversations.ListAsync(Context.User, Context.BrokerageId, InboxFilter.All, null, Limit) ?? [];
            foreach (var conversation in unassigned.Concat(recent).Where(c => !_heardDuringLoad.Contains(c.ConversationId)))
            {
                Apply(conversation);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The waiting conversations could not be loaded. Reload the page in a moment.";
        }
        finally
        {
            _loading = false;
            _heardDuringLoad.Clear();
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is ConversationChangedEvent { Conversation: var conversation })
        {
            _ = InvokeAsync(() =>
            {
                if (_loading)
                {
                    _heardDuringLoad.Add(conversation.ConversationId);
                }

                Apply(conversation);
                StateHasChanged();
            });
        }
    }

    private async Task AssignAsync(ConversationSummary conversation, string agentId)
    {
        if (!_busy.Add(conversation.ConversationId))
        {
            return;
        }

        try
        {
            var (status, updated) = await Conversations.AssignAsync(Context.User, Context.BrokerageId, conversation.ConversationId, agentId);
            if (status == CommandStatus.Done && updated is not null)
            {
                Apply(updated);
                _error = null;
                Snackbar.Add($"{updated.ClientName ?? updated.ClientPhone} is now with {AgentName(agentId)}.", Severity.Success);
            }
            else
            {
                _error = status == CommandStatus.Forbidden
                    ? "You may not reassign conversations."
                    : "That conversation or agent no longer exists.";
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The assignment did not reach the hub. Try again in a moment.";
        }
        finally
        {
            _busy.Remove(conversation.ConversationId);
        }
    }

    /// <summary>Keeps only conversations whose client waits, so the list stays as small as the queue.</summary>
    private void Apply(ConversationSummary conversation)
    {
        if (IsWaiting(conversation))
        {
            _waiting[conversation.ConversationId] = conversation;
        }
        else
        {
            _waiting.Remove(conversation.ConversationId);
        }
    }

    private string AgentName(string agentId) =>
        Agents.FirstOrDefault(a => a.AgentId == agentId)?.DisplayName ?? "an agent who left the team";

    private static bool IsWaiting(ConversationSummary conversation) =>
        conversation.Status == ConversationStatus.Open && (conversation.AssignedAgentId is null || conversation.AwaitingReplySince is not null);

    private static DateTimeOffset WaitingSince(ConversationSummary conversation) =>
        conversation.AwaitingReplySince ?? conversation.LastInboundAt ?? conversation.LastMessageAt;

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
