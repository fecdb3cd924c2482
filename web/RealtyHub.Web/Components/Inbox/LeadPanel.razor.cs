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
    private bool _moving;
    private string? _error;

    [Parameter, EditorRequired]
    public ConversationSummary Conversation { get; set; } = default!;

    [Parameter, EditorRequired]
    public InboxContext Context { get; set; } = default!;

    [Inject]
    private LeadService Leads { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool MayMoveStage => _lead is not null && LeadService.MayMoveStage(Context.User, _lead);

    private Color StageColor => _lead?.Stage switch
    {
        LeadStage.Won => Color.Success,
        LeadStage.Lost => Color.Default,
        LeadStage.New => Color.Info,
        _ => Color.Primary,
    };

    private string? Budget => _lead?.Details.BudgetAed is { } aed ? string.Create(CultureInfo.InvariantCulture, $"AED {aed:N0}") : null;

    private async Task MoveStageAsync(LeadStage stage)
    {
        if (_lead is null || stage == _lead.Stage)
        {
            return;
        }

        _moving = true;
        try
        {
            var (status, lead) = await Leads.MoveStageAsync(Context.User, Context.BrokerageId, _lead.LeadId, stage);
            if (lead is not null)
            {
                _lead = lead;
            }
            else
            {
                Snackbar.Add(status == CommandStatus.Forbidden ? "Only the lead's agent or a supervisor can move it." : "The lead no longer exists.", Severity.Warning);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            Snackbar.Add("The stage could not be changed just now. Try again in a moment.", Severity.Error);
        }
        finally
        {
            _moving = false;
        }
    }

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
