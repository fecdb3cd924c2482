using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Requests;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// The agent's AI requests: the Ask panel, their requests (live), and the selected one with its live timeline
/// (linkable as /requests/{id}). Supervisors and owners see every request of the brokerage, read-only.
/// </summary>
public sealed partial class Requests
{
    private const int Limit = 100;
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(10);

    private readonly List<RequestListItem> _items = [];
    // Changes that arrive while the list loads are applied again on top of its result, so none is lost.
    private readonly Dictionary<string, RequestListItem> _arrivedDuringLoad = new(StringComparer.Ordinal);
    private RequestsContext? _context;
    private IReadOnlyDictionary<string, string> _agentNames = new Dictionary<string, string>();
    private DateTimeOffset _now;
    private bool _loading = true;
    private string? _error;
    private LiveLease? _subscription;

    [Parameter]
    public string? RequestId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private RequestService RequestService { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is not { } brokerageId)
        {
            _error = "Your account is not part of a brokerage, so there are no requests to show.";
            _loading = false;
            return;
        }

        try
        {
            // Subscribe first, then load: a change in between is applied on top.
            if (RendererInfo.IsInteractive)
            {
                _subscription = await LiveLease.StartAsync(Feed.WatchAsync(brokerageId, OnEvent), Clock, TickEvery, () => _ = InvokeAsync(Tick));
            }

            var brokerage = await Team.GetBrokerageAsync(user, brokerageId);
            _context = new RequestsContext(user, brokerageId, InboxContext.ZoneOf(brokerage?.TimeZoneId));
            if (_context.IsSupervisor && await Team.GetAgentsAsync(user, brokerageId) is { } agents)
            {
                _agentNames = agents.ToDictionary(a => a.AgentId, a => a.Profile.DisplayName, StringComparer.Ordinal);
            }

            await LoadAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer, so the requests cannot show. Reload in a moment.";
            _loading = false;
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _arrivedDuringLoad.Clear();
        try
        {
            var list = await RequestService.ListAsync(_context!.User, _context.BrokerageId, Limit) ?? [];
            _items.Clear();
            _items.AddRange(list);
            foreach (var late in _arrivedDuringLoad.Values)
            {
                Upsert(late);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "Your requests could not be loaded. Reload the page in a moment.";
        }
        finally
        {
            _loading = false;
            _arrivedDuringLoad.Clear();
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is RequestChangedEvent { Request: var request })
        {
            _ = InvokeAsync(() =>
            {
                if (Upsert(request))
                {
                    StateHasChanged();
                }
            });
        }
    }

    private void OnAsked(RequestView request)
    {
        Upsert(request);
        Navigation.NavigateTo($"requests/{Uri.EscapeDataString(request.RequestId)}");
    }

    private void OnChanged(RequestView request) => Upsert(request);

    /// <summary>Lists the request if this user's list holds it (their own; every one for supervisors).</summary>
    private bool Upsert(RequestView request)
    {
        if (_context is null || (!_context.IsSupervisor && request.AgentId != _context.UserId))
        {
            return false;
        }

        var item = new RequestListItem(
            request.RequestId, request.AgentId, request.ExpertId, request.State, request.Kind, request.Priority, request.Title,
            request.CreatedAt, request.Timeline.IsDefaultOrEmpty ? request.CreatedAt : request.Timeline[^1].At, request.Rating);
        if (_loading)
        {
            _arrivedDuringLoad[item.RequestId] = item;
        }

        return Upsert(item);
    }

    /// <summary>Replaces the row unless it is newer; new rows go in by creation time, newest first.</summary>
    private bool Upsert(RequestListItem item)
    {
        var index = _items.FindIndex(i => i.RequestId == item.RequestId);
        if (index >= 0)
        {
            if (_items[index].UpdatedAt > item.UpdatedAt)
            {
                return false;
            }

            _items[index] = item;
            return true;
        }

        var at = _items.FindIndex(i => i.CreatedAt < item.CreatedAt);
        _items.Insert(at < 0 ? _items.Count : at, item);
        return true;
    }

    private void Tick()
    {
        _now = Clock.GetUtcNow();
        StateHasChanged();
    }

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;
}
