using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Components.Board;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// The supervisors' live team board. The board grain pushes whole snapshots (at most a few a second); the page keeps
/// the newest and a one-second clock, so waits tick between pushes.
/// </summary>
public sealed partial class Board
{
    private BoardContext? _context;
    private BoardSnapshot? _board;
    // The live calls panel names agents; built once per snapshot rather than on every render (the clock renders each second).
    private IReadOnlyDictionary<string, string> _agentNames = new Dictionary<string, string>();
    private DateTimeOffset _now;
    private LiveLease? _subscription;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BoardService Boards { get; set; } = default!;

    [Inject]
    private BoardFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is not { } brokerageId)
        {
            _error = "Your account is not part of a brokerage, so there is no board to show.";
            return;
        }

        try
        {
            // Subscribe first, then load: a push arriving in between is newer and wins (see Apply).
            if (RendererInfo.IsInteractive)
            {
                _subscription = await LiveLease.StartAsync(Feed.WatchAsync(brokerageId, OnSnapshot), Clock, TimeSpan.FromSeconds(1), () => _ = InvokeAsync(Tick));
            }

            var brokerage = await Team.GetBrokerageAsync(user, brokerageId);
            _context = new BoardContext(user, brokerageId, InboxContext.ZoneOf(brokerage?.TimeZoneId));
            if (await Boards.GetAsync(user, brokerageId) is { } board)
            {
                Apply(board);
            }
            else
            {
                _error = "Only supervisors and owners of this brokerage see its board.";
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer, so the board cannot show. Reload in a moment.";
        }
    }

    /// <summary>Fetches the board now (after an action of this supervisor) instead of waiting for the next push.</summary>
    private async Task RefreshAsync()
    {
        if (_context is null)
        {
            return;
        }

        try
        {
            if (await Boards.GetAsync(_context.User, _context.BrokerageId) is { } board)
            {
                Apply(board);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer; the board shows its last known state.";
        }
    }

    private void OnSnapshot(BoardSnapshot board) => _ = InvokeAsync(() =>
    {
        if (Apply(board))
        {
            _error = null;
            StateHasChanged();
        }
    });

    /// <summary>Keeps the newest snapshot: a higher version, or a later one from a new activation of the board grain.</summary>
    private bool Apply(BoardSnapshot board)
    {
        if (_board is not null && board.Version <= _board.Version && board.At <= _board.At)
        {
            return false;
        }

        _board = board;
        _agentNames = board.Agents.ToDictionary(a => a.AgentId, a => a.DisplayName, StringComparer.Ordinal);
        return true;
    }

    private void Tick()
    {
        _now = Clock.GetUtcNow();
        StateHasChanged();
    }

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;
}
