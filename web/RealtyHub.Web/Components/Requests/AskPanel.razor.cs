using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Requests;

/// <summary>
/// Sends the agent's request. The request id is made here, once per request: if the hub does not answer and the
/// agent presses Ask again, the same id goes again and the hub makes one request of it, not two.
/// </summary>
public sealed partial class AskPanel
{
    private string? _text;
    private RequestPriority _priority = RequestPriority.Normal;
    private string? _conversationId;
    private string _requestId = NewId();
    private bool _sending;
    private string? _error;
    private IReadOnlyList<ConversationSummary> _conversations = [];

    [Parameter, EditorRequired]
    public RequestsContext Context { get; set; } = default!;

    /// <summary>The request as the hub made it, so the page lists and opens it before the feed tells.</summary>
    [Parameter]
    public EventCallback<RequestView> OnAsked { get; set; }

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _conversations = await Conversations.ListAsync(Context.User, Context.BrokerageId, InboxFilter.Mine, null, 50) ?? [];
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            // Linking is optional: the agent can still ask, only without the list.
            _conversations = [];
        }
    }

    private async Task AskAsync()
    {
        if (string.IsNullOrWhiteSpace(_text) || _sending)
        {
            return;
        }

        _sending = true;
        _error = null;
        try
        {
            var outcome = await Requests.SubmitAsync(Context.User, Context.BrokerageId, new AskRequest(_text, _priority, _conversationId, _requestId));
            if (outcome is { Status: RequestOutcomeStatus.Done, Request: { } request })
            {
                (_text, _conversationId, _priority, _requestId) = (null, null, RequestPriority.Normal, NewId());
                await OnAsked.InvokeAsync(request);
            }
            else
            {
                _error = outcome.Reason ?? "The request was not accepted.";
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Same id on the next try: no duplicate if this one did arrive.
            _error = "The hub did not answer. Press Ask again in a moment; your request will not be sent twice.";
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task VoiceSentAsync(string requestId)
    {
        if (await Requests.GetAsync(Context.User, Context.BrokerageId, requestId) is { } request)
        {
            (_conversationId, _priority) = (null, RequestPriority.Normal);
            await OnAsked.InvokeAsync(request);
        }
    }

    private static string ConversationName(ConversationSummary conversation) =>
        conversation.ClientName is { Length: > 0 } name ? $"{name} ({conversation.ClientPhone})" : conversation.ClientPhone;

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
