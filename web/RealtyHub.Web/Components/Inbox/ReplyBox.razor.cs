using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>
/// Free text while WhatsApp's 24-hour window is open; an approved template once it is closed (never free text);
/// nothing at all after the client opted out. Each message gets its own idempotency key, kept only to retry that
/// same message after the hub did not answer, so a retry cannot send it twice.
/// </summary>
public sealed partial class ReplyBox
{
    private string? _text;
    private string _key = NewKey();
    private bool _sending;
    private bool _useTemplate;
    private string? _refusal;
    private IReadOnlyList<WhatsAppTemplate>? _templates;

    [Parameter, EditorRequired]
    public ConversationSummary Conversation { get; set; } = default!;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>The message as the hub queued it, so the chat shows it before the feed does.</summary>
    [Parameter]
    public EventCallback<ChatMessage> OnSent { get; set; }

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    private bool WindowOpen => Conversation.IsWindowOpen(Now);

    private string Mode => Conversation.OptedOut ? "opted-out" : _useTemplate || !WindowOpen ? "template" : "text";

    protected override async Task OnParametersSetAsync()
    {
        if (Mode == "template")
        {
            await LoadTemplatesAsync();
        }
    }

    private async Task UseTemplatesAsync()
    {
        _useTemplate = true;
        await LoadTemplatesAsync();
    }

    private async Task LoadTemplatesAsync()
    {
        if (_templates is not null)
        {
            return;
        }

        try
        {
            _templates = await Conversations.GetTemplatesAsync(Context.User, Context.BrokerageId) ?? [];
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _refusal = "The brokerage's templates could not be loaded. Try again in a moment.";
        }
    }

    private async Task SendTextAsync()
    {
        if (await SendAsync(_text?.Trim(), null, null))
        {
            _text = null;
        }
    }

    // The picker calls this as a plain delegate, so the box redraws itself (refusal, busy state) when done.
    private async Task<bool> SendTemplateAsync(TemplateChoice choice)
    {
        var queued = await SendAsync(choice.Preview, choice.Template.ContentSid, choice.Variables);
        StateHasChanged();
        return queued;
    }

    private async Task<bool> SendAsync(string? body, string? templateSid, ImmutableDictionary<string, string>? variables)
    {
        _sending = true;
        _refusal = null;
        try
        {
            var (status, outcome) = await Conversations.ReplyAsync(
                Context.User, Context.BrokerageId, Conversation.ConversationId, body, templateSid, variables, _key);
            // A definite answer either way: the next message is a new one with a new key.
            _key = NewKey();
            if (outcome is { Status: ReplyStatus.Queued, Message: { } message })
            {
                await OnSent.InvokeAsync(message);
                return true;
            }

            _refusal = status == CommandStatus.NotFound
                ? "This conversation is no longer available to you."
                : outcome?.Reason ?? "The message was not sent.";
            return false;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _refusal = "The hub did not answer, so the message may not have been sent. Send again: it will not go out twice.";
            return false;
        }
        finally
        {
            _sending = false;
        }
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
