using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RealtyHub.Grains.Agents;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Layout;

/// <summary>The signed-in agent's presence; stays in step with changes made elsewhere (another tab, a supervisor).</summary>
public sealed partial class PresenceToggle
{
    private AgentPresence _presence = AgentPresence.Offline;
    private bool _saving;
    private IAsyncDisposable? _lease;
    private System.Security.Claims.ClaimsPrincipal? _user;

    // Offline's neutral chip would vanish into the dark app bar.
    private Color ChipColor => _presence == AgentPresence.Offline ? Color.Surface : PresenceStyle.Color(_presence);

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        if (_user.GetBrokerageId() is not { } brokerageId)
        {
            return;
        }

        if (await Team.GetAgentAsync(_user, brokerageId, _user.GetUserId()) is { } me)
        {
            _presence = me.Presence;
        }

        if (RendererInfo.IsInteractive)
        {
            _lease = await Feed.WatchAsync(brokerageId, OnEvent);
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is AgentChangedEvent { Agent: var agent } && agent.AgentId == _user?.GetUserId())
        {
            _ = InvokeAsync(() =>
            {
                _presence = agent.Presence;
                StateHasChanged();
            });
        }
    }

    private async Task SetAsync(AgentPresence presence)
    {
        if (_user?.GetBrokerageId() is not { } brokerageId)
        {
            return;
        }

        _saving = true;
        try
        {
            var (status, agent) = await Team.SetPresenceAsync(_user, brokerageId, _user.GetUserId(), presence);
            if (status == CommandStatus.Done)
            {
                _presence = agent!.Presence;
            }
            else
            {
                Snackbar.Add("Your presence could not be changed: your agent profile was not found.", Severity.Error);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            Snackbar.Add("The hub did not answer; your presence is unchanged. Try again in a moment.", Severity.Error);
        }
        finally
        {
            _saving = false;
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
