using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>Who the client is, the window and SLA, and the conversation's commands: take, reassign, resolve, reopen.</summary>
public sealed partial class ChatHeader
{
    private bool _busy;

    [Parameter, EditorRequired]
    public ConversationSummary Conversation { get; set; } = default!;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>The conversation after a command, before the feed brings the same news.</summary>
    [Parameter]
    public EventCallback<ConversationSummary> OnChanged { get; set; }

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    // The service's rule: supervisors always, agents for their own conversations.
    private bool MayChangeStatus => Context.IsSupervisor || Conversation.AssignedAgentId == Context.UserId;

    private Task TakeAsync() => AssignAsync(Context.UserId);

    private Task AssignAsync(string? agentId) => RunAsync(
        () => Conversations.AssignAsync(Context.User, Context.BrokerageId, Conversation.ConversationId, agentId),
        agentId is null ? "Moved to the unassigned queue." : Context.AssignedText(agentId) + ".");

    private Task SetStatusAsync(ConversationStatus status) => RunAsync(
        () => Conversations.SetStatusAsync(Context.User, Context.BrokerageId, Conversation.ConversationId, status),
        status == ConversationStatus.Resolved ? "Conversation resolved." : "Conversation reopened.");

    private async Task RunAsync(Func<Task<(CommandStatus Status, ConversationSummary? Conversation)>> command, string done)
    {
        _busy = true;
        try
        {
            var (status, conversation) = await command();
            if (status == CommandStatus.Done && conversation is not null)
            {
                Snackbar.Add(done, Severity.Success);
                await OnChanged.InvokeAsync(conversation);
            }
            else
            {
                Snackbar.Add(status == CommandStatus.Forbidden
                    ? "You are not allowed to do that with this conversation."
                    : "The conversation or agent no longer exists.", Severity.Error);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            Snackbar.Add("The hub did not answer; nothing was changed. Try again in a moment.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
