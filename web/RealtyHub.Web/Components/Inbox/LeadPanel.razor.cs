using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Leads;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>The lead behind the conversation. Reloaded when the conversation's lead or assignee changes (routing claims the lead).</summary>
public sealed partial class LeadPanel
{
    private LeadSnapshot? _lead;
    private (string? LeadId, string? AgentId)? _loadedFor;
    private bool _loading;
    private string? _error;

    [Parameter, EditorRequired]
    public ConversationSummary Conversation { get; set; } = default!;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Inject]
    private LeadService Leads { get; set; } = default!;

    private Color StageColor => _lead?.Stage switch
    {
        LeadStage.Won => Color.Success,
        LeadStage.Lost => Color.Default,
        LeadStage.New => Color.Info,
        _ => Color.Primary,
    };

    private string? Budget => _lead?.Details.BudgetAed is { } aed ? string.Create(CultureInfo.InvariantCulture, $"AED {aed:N0}") : null;

    protected override async Task OnParametersSetAsync()
    {
        var key = (Conversation.LeadId, Conversation.AssignedAgentId);
        if (_loadedFor == key)
        {
            return;
        }

        _loadedFor = key;
        if (Conversation.LeadId is not { } leadId)
        {
            _lead = null;
            return;
        }

        _loading = true;
        try
        {
            _lead = await Leads.GetAsync(Context.User, Context.BrokerageId, leadId);
            _error = null;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The lead could not be loaded just now.";
        }
        finally
        {
            _loading = false;
        }
    }
}
