using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>
/// One open conversation: its history (paged backwards), new and updated messages live from the brokerage feed, and
/// the unread count cleared while the agent is looking at it. The page gives each conversation a fresh instance.
/// </summary>
public sealed partial class ConversationChat
{
    private readonly ChatHistory _history = new();
    private ConversationSummary? _summary;
    private bool _loading = true;
    private bool _loadingOlder;
    private string? _error;
    private IAsyncDisposable? _lease;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public string ConversationId { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            // Subscribe first, then load: updates in between are applied on top (ChatHistory keeps statuses moving forward).
            if (RendererInfo.IsInteractive)
            {
                _lease = await Feed.WatchAsync(Context.BrokerageId, OnEvent);
            }

            if (await Conversations.GetAsync(Context.User, Context.BrokerageId, ConversationId) is { } view)
            {
                var page = await Conversations.PageAsync(Context.User, Context.BrokerageId, ConversationId, null, ChatHistory.PageSize) ?? [];
                _history.Reset(page, view.RecentMessages);
                _summary ??= view.Summary;
                await MarkReadAsync();
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The conversation could not be loaded: the hub did not answer. Reload in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task LoadOlderAsync()
    {
        _loadingOlder = true;
        try
        {
            var page = await Conversations.PageAsync(Context.User, Context.BrokerageId, ConversationId, _history.OldestSequence, ChatHistory.PageSize);
            _history.PrependOlder(page ?? []);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "Older messages could not be loaded. Try again in a moment.";
        }
        finally
        {
            _loadingOlder = false;
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is ConversationChangedEvent { Conversation: var conversation, Message: var message }
            && conversation.ConversationId == ConversationId)
        {
            _ = InvokeAsync(async () =>
            {
                Apply(conversation);
                if (message is not null)
                {
                    _history.Upsert(message);
                }

                StateHasChanged();
                if (message?.Direction == MessageDirection.Inbound)
                {
                    await MarkReadAsync();
                }
            });
        }
    }

    private void Apply(ConversationSummary conversation) => _summary = conversation;

    private void OnSent(ChatMessage message) => _history.Upsert(message);

    /// <summary>The agent has the conversation open, so what arrived is read (only where they may work on it).</summary>
    private async Task MarkReadAsync()
    {
        if (_summary is not { UnreadCount: > 0 } summary || !Context.MayWorkOn(summary) || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            await Conversations.MarkReadAsync(Context.User, Context.BrokerageId, ConversationId);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "Could not mark the conversation as read; the unread count may stay until you reopen it.";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
