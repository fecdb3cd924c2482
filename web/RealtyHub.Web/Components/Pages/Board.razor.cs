using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Agents;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>The live agent roster; the board issue grows this into the full supervisor board.</summary>
public sealed partial class Board
{
    private readonly Dictionary<string, AgentSnapshot> _agents = new(StringComparer.Ordinal);
    private IAsyncDisposable? _lease;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is not { } brokerageId)
        {
            return;
        }

        try
        {
            // Subscribe first, then load: an event arriving in between is applied on top, never lost.
            if (RendererInfo.IsInteractive)
            {
                _lease = await Feed.WatchAsync(brokerageId, OnEvent);
            }

            foreach (var agent in await Team.GetAgentsAsync(user, brokerageId) ?? [])
            {
                _agents.TryAdd(agent.AgentId, agent);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer; the board will fill in when it does. Reload in a moment.";
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is AgentChangedEvent { Agent: var agent })
        {
            _ = InvokeAsync(() =>
            {
                _agents[agent.AgentId] = agent;
                StateHasChanged();
            });
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
