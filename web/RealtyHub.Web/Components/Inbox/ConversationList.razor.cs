using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>
/// The left pane: Mine / Unassigned / All, a search, and rows kept current by the brokerage feed (new conversations
/// appear, changed ones move to the top, ones that leave the tab disappear).
/// </summary>
public sealed partial class ConversationList
{
    private const int Limit = 100;

    private readonly List<ConversationSummary> _items = [];
    // Events that arrive while a load is running are applied again on top of its result, so none is lost.
    private readonly Dictionary<string, ConversationSummary> _arrivedDuringLoad = new(StringComparer.Ordinal);
    private InboxFilter _filter;
    private string? _search;
    private bool _loading = true;
    private string? _error;
    private IAsyncDisposable? _lease;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Parameter]
    public string? SelectedId { get; set; }

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    private InboxFilter[] Tabs => Context.IsSupervisor
        ? [InboxFilter.All, InboxFilter.Unassigned, InboxFilter.Mine]
        : [InboxFilter.Mine, InboxFilter.Unassigned];

    private int TabIndex => Array.IndexOf(Tabs, _filter);

    private string EmptyText => !string.IsNullOrWhiteSpace(_search) ? "No conversation matches your search."
        : _filter switch
        {
            InboxFilter.Mine => "No conversations assigned to you. New ones arrive here when you are online.",
            InboxFilter.Unassigned => "The unassigned queue is empty.",
            _ => "No WhatsApp conversations yet.",
        };

    protected override async Task OnInitializedAsync()
    {
        _filter = Tabs[0];
        try
        {
            // Subscribe first, then load: an event arriving in between is applied on top, never lost.
            if (RendererInfo.IsInteractive)
            {
                _lease = await Feed.WatchAsync(Context.BrokerageId, OnEvent);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "Live updates are unavailable: the hub did not answer. Reload in a moment.";
        }

        await LoadAsync();
    }

    private async Task SelectTabAsync(int index)
    {
        // MudTabs also reports index changes while its panels are disposed with the page.
        if (index < 0 || index >= Tabs.Length || Tabs[index] == _filter)
        {
            return;
        }

        _filter = Tabs[index];
        await LoadAsync();
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _arrivedDuringLoad.Clear();
        try
        {
            var list = await Conversations.ListAsync(Context.User, Context.BrokerageId, _filter, _search, Limit) ?? [];
            _items.Clear();
            _items.AddRange(list.Where(InTab));
            foreach (var late in _arrivedDuringLoad.Values)
            {
                Apply(late);
            }

            _error = null;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The conversations could not be loaded. Reload the page in a moment.";
        }
        finally
        {
            _loading = false;
            _arrivedDuringLoad.Clear();
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
                    _arrivedDuringLoad[conversation.ConversationId] = conversation;
                }

                Apply(conversation);
                StateHasChanged();
            });
        }
    }

    /// <summary>Upserts a changed conversation where the current tab (and search) would list it, and drops it elsewhere.</summary>
    private void Apply(ConversationSummary conversation)
    {
        var index = _items.FindIndex(c => c.ConversationId == conversation.ConversationId);
        if (!InTab(conversation))
        {
            if (index >= 0)
            {
                _items.RemoveAt(index);
            }

            return;
        }

        // A search result set only changes for conversations it already holds: the text match is the server's call.
        if (index < 0 && !string.IsNullOrWhiteSpace(_search))
        {
            return;
        }

        if (index >= 0)
        {
            _items.RemoveAt(index);
        }

        var at = _items.FindIndex(c => c.LastMessageAt < conversation.LastMessageAt);
        _items.Insert(at < 0 ? _items.Count : at, conversation);
    }

    private bool InTab(ConversationSummary conversation) => Context.MayWorkOn(conversation) && _filter switch
    {
        InboxFilter.Mine => conversation.AssignedAgentId == Context.UserId,
        InboxFilter.Unassigned => conversation.AssignedAgentId is null && conversation.Status == ConversationStatus.Open,
        _ => true,
    };

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
