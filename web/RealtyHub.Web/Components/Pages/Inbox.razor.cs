using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RealtyHub.Grains.Agents;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// The WhatsApp inbox: the list on the left, the open conversation (linkable as /inbox/{id}) on the right. The page
/// holds what both share: the caller, the brokerage's time zone, the team (kept live), and a one-second clock for the
/// window and SLA countdowns. Supervisors also get SLA alerts here.
/// </summary>
public sealed partial class Inbox
{
    private InboxContext? _context;
    private DateTimeOffset _now;
    private LiveLease? _subscription;
    private string? _error;

    [Parameter]
    public string? ConversationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is not { } brokerageId)
        {
            _error = "Your account is not part of a brokerage, so there is no inbox to show.";
            return;
        }

        try
        {
            if (RendererInfo.IsInteractive)
            {
                _subscription = await LiveLease.StartAsync(Feed.WatchAsync(brokerageId, OnEvent), Clock, TimeSpan.FromSeconds(1), () => _ = InvokeAsync(Tick));
            }

            var brokerage = await Team.GetBrokerageAsync(user, brokerageId);
            var agents = await Team.GetAgentsAsync(user, brokerageId) ?? [];
            _context = new InboxContext(user, brokerageId, InboxContext.ZoneOf(brokerage?.TimeZoneId),
                agents.ToDictionary(a => a.AgentId, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer, so the inbox cannot open. Reload in a moment.";
        }
    }

    private void Tick()
    {
        _now = Clock.GetUtcNow();
        StateHasChanged();
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        switch (brokerageEvent)
        {
            case AgentChangedEvent { Agent: var agent }:
                _ = InvokeAsync(() => UpdateAgent(agent));
                break;
            case AlertRaisedEvent { Alert: var alert }:
                _ = InvokeAsync(() =>
                {
                    if (_context?.IsSupervisor == true)
                    {
                        Snackbar.Add(alert.Message, Severity.Warning, o =>
                        {
                            o.RequireInteraction = true;
                            if (alert.ConversationId is { } conversationId)
                            {
                                o.Action = "Open";
                                o.OnClick = _ =>
                                {
                                    Navigation.NavigateTo($"inbox/{conversationId}");
                                    return Task.CompletedTask;
                                };
                            }
                        });
                    }
                });
                break;
        }
    }

    private void UpdateAgent(AgentSnapshot agent)
    {
        if (_context is null)
        {
            return;
        }

        var agents = new Dictionary<string, AgentSnapshot>(_context.Agents, StringComparer.Ordinal) { [agent.AgentId] = agent };
        _context = _context with { Agents = agents };
        StateHasChanged();
    }

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;
}
