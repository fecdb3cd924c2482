using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Voice;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Components.Voice;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// Live and recent calls, and the chosen call's transcript as it is spoken (linkable as /calls/{callSid}): agents see
/// their calls, supervisors listen in to any call of the brokerage from here or from the board.
/// </summary>
public sealed partial class Calls
{
    private const int RecentLimit = 30;
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    private readonly List<VoiceCallView> _live = [];
    private readonly List<VoiceCallView> _recent = [];
    private readonly List<TranscriptLine> _lines = [];
    private TranscriptLine? _partial;
    private VoiceCallView? _selected;
    private ClaimsPrincipal _user = new();
    private string _brokerageId = string.Empty;
    private bool _isSupervisor;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private Dictionary<string, string> _agentNames = new(StringComparer.Ordinal);
    private string? _transcriptionProblem;
    private string? _error;
    private bool _loading = true;
    private DateTimeOffset _now;
    private LiveLease? _subscription;

    [Parameter]
    public string? CallSid { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private VoiceService Voice { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        _user = (await AuthenticationState).User;
        _brokerageId = _user.GetBrokerageId() ?? string.Empty;
        _isSupervisor = _user.CanManageTeam();
        _transcriptionProblem = Voice.TranscriptionProblem;
        try
        {
            // Subscribe first, then load: a change in between is applied on top.
            if (RendererInfo.IsInteractive)
            {
                _subscription = await LiveLease.StartAsync(Feed.WatchAsync(_brokerageId, OnEvent), Clock, TickEvery, () => _ = InvokeAsync(Tick));
            }

            _zone = InboxContext.ZoneOf((await Team.GetBrokerageAsync(_user, _brokerageId))?.TimeZoneId);
            if (await Team.GetAgentsAsync(_user, _brokerageId) is { } agents)
            {
                _agentNames = agents.ToDictionary(a => a.AgentId, a => a.Profile.DisplayName, StringComparer.Ordinal);
            }

            _live.AddRange(await Voice.ListLiveAsync(_user, _brokerageId) ?? []);
            _recent.AddRange((await Voice.ListRecentAsync(_user, _brokerageId, RecentLimit) ?? []).Where(c => c.State == VoiceCallState.Ended));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The calls could not be loaded. Reload the page in a moment.";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _selected = null;
        _lines.Clear();
        _partial = null;
        _loading = true;
        try
        {
            if (CallSid is { } callSid && await Voice.GetAsync(_user, _brokerageId, callSid) is { } call)
            {
                _selected = call with { Lines = [] };
                _lines.AddRange(call.Lines);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The call could not be loaded. Reload the page in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        if (brokerageEvent is VoiceCallChangedEvent { Call: var call, Line: var line } && VoiceService.MaySee(_user, call))
        {
            _ = InvokeAsync(() =>
            {
                Apply(call, line);
                StateHasChanged();
            });
        }
    }

    private void Apply(VoiceCallView call, TranscriptLine? line)
    {
        _live.RemoveAll(c => c.CallSid == call.CallSid);
        _recent.RemoveAll(c => c.CallSid == call.CallSid);
        (call.State == VoiceCallState.Ended ? _recent : _live).Insert(0, call);
        if (_selected?.CallSid != call.CallSid)
        {
            return;
        }

        _selected = call;
        if (line is { IsFinal: true } && _lines.All(l => l.Sequence != line.Sequence))
        {
            _lines.Add(line);
            _lines.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }

        if (line is { IsFinal: false })
        {
            _partial = _lines.Any(l => l.Sequence >= line.Sequence) ? _partial : line;
        }
        else if (line is not null && _partial?.Sequence <= line.Sequence)
        {
            _partial = null;
        }
    }

    private void Tick()
    {
        _now = Clock.GetUtcNow();
        if (_live.Count > 0 || _selected?.State == VoiceCallState.Live)
        {
            StateHasChanged();
        }
    }

    private string AgentName(string? agentId) => VoiceFormat.AgentName(_agentNames, agentId);

    private static string Link(VoiceCallView call) => $"calls/{call.CallSid}";

    private string RowClass(VoiceCallView call) => call.CallSid == _selected?.CallSid ? "pa-2 mb-2 mud-theme-primary-lighten" : "pa-2 mb-2";

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;
}
