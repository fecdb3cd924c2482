using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Components.Experts;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Requests;
using RealtyHub.Web.Components.Shared;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// The expert workbench: availability, live offers counting down, my work, the queue for my skills, and the selected
/// request on the bench (/experts/{id}). Supervisors and owners see the queue, offers, claims and experts read-only
/// and reclaim. Offers arrive as feed events; the queue and claims are re-read from dispatch shortly after any
/// request or offer change (dispatch has no event of its own for them).
/// </summary>
public sealed partial class Experts
{
    private static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(300);

    private RequestsContext? _context;
    private ExpertSnapshot? _me;
    private DispatchSnapshot? _dispatch;
    private IReadOnlyDictionary<string, string> _expertNames = new Dictionary<string, string>();
    private DateTimeOffset _now;
    private bool _busy;
    private string? _error;
    private string? _notice;
    private string? _noticeKind;
    private Severity _noticeSeverity = Severity.Info;
    private LiveLease? _subscription;
    private int _reloadVersion;
    private bool _disposed;

    [Parameter]
    public string? RequestId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ExpertService ExpertService { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>An expert's own offers; every open offer for supervisors. Soonest to expire first.</summary>
    private List<ExpertOffer> Offers => _dispatch is null || _context is null ? []
        : [.. _dispatch.Offers.Where(o => !_context.IsExpert || o.ExpertId == _context.UserId).OrderBy(o => o.ExpiresAt)];

    private List<ExpertClaim> MyClaims => _dispatch is null || _context is null ? []
        : [.. _dispatch.Claims.Where(c => c.ExpertId == _context.UserId).OrderBy(c => c.DueAt)];

    /// <summary>The queue in serving order, narrowed to the kinds this expert is skilled in.</summary>
    private List<QueuedRequest> MyQueue => _dispatch is null ? []
        : [.. _dispatch.Queue.Where(q => _me is null || _me.Profile.Skills.Contains(q.Kind))];

    private ExpertClaim? SelectedClaim => _dispatch?.Claims.FirstOrDefault(c => c.RequestId == RequestId);

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is not { } brokerageId)
        {
            _error = "Your account is not part of a brokerage, so there is no expert queue to show.";
            return;
        }

        try
        {
            // Subscribe first, then load: what changes in between triggers a reload on top.
            if (RendererInfo.IsInteractive)
            {
                _subscription = await LiveLease.StartAsync(Feed.WatchAsync(brokerageId, OnEvent), Clock, TimeSpan.FromSeconds(1), () => _ = InvokeAsync(Tick));
            }

            var brokerage = await Team.GetBrokerageAsync(user, brokerageId);
            _context = new RequestsContext(user, brokerageId, InboxContext.ZoneOf(brokerage?.TimeZoneId));
            if (_context.IsExpert)
            {
                _me = await ExpertService.GetExpertAsync(user, brokerageId, _context.UserId);
                if (_me is null)
                {
                    Notify("You are not enrolled as an expert yet (no skills on file). Ask an owner to enrol you.", Severity.Warning, "not-enrolled");
                }
            }

            await ReloadAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer, so the expert queue cannot show. Reload in a moment.";
        }
    }

    private async Task ReloadAsync()
    {
        if (_context is null)
        {
            return;
        }

        try
        {
            _dispatch = await ExpertService.GetDispatchAsync(_context.User, _context.BrokerageId);
            if (_dispatch is null)
            {
                _error = "Only the brokerage's experts, supervisors and owners see its expert queue.";
                return;
            }

            _expertNames = _dispatch.Experts.ToDictionary(e => e.ExpertId, e => e.Profile.DisplayName, StringComparer.Ordinal);
            if (_context.IsExpert && _dispatch.Experts.FirstOrDefault(e => e.ExpertId == _context.UserId) is { } me)
            {
                _me = me;
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The queue could not be refreshed: the hub did not answer. It shows its last known state.";
        }
    }

    /// <summary>Re-reads dispatch once things settle: many events in a burst make one read.</summary>
    private void ScheduleReload()
    {
        var version = ++_reloadVersion;
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(ReloadDelay);
            if (version == _reloadVersion && !_disposed)
            {
                await ReloadAsync();
                StateHasChanged();
            }
        });
    }

    private void OnEvent(BrokerageEvent brokerageEvent)
    {
        switch (brokerageEvent)
        {
            case OfferChangedEvent { Offer: var offer, Change: var change }:
                _ = InvokeAsync(() =>
                {
                    ApplyOffer(offer, change);
                    ScheduleReload();
                    StateHasChanged();
                });
                break;
            case RequestChangedEvent { Request: var request }:
                _ = InvokeAsync(() =>
                {
                    _dispatch = _dispatch?.With(request);
                    ScheduleReload();
                    StateHasChanged();
                });
                break;
        }
    }

    /// <summary>Shows an offer the moment it is made and drops it the moment it ends; tells the expert why theirs ended.</summary>
    private void ApplyOffer(ExpertOffer offer, OfferChange change)
    {
        if (_dispatch is null || _context is null)
        {
            return;
        }

        _dispatch = _dispatch.With(offer, change);
        if (_context.IsExpert && offer.ExpertId == _context.UserId)
        {
            switch (change)
            {
                case OfferChange.Expired:
                    Notify($"The offer of “{offer.Request.Title}” expired; it went on to the next expert.", Severity.Info, "expired");
                    break;
                case OfferChange.Withdrawn:
                    Notify($"The offer of “{offer.Request.Title}” was withdrawn: someone else took it, or it was cancelled.", Severity.Info, "withdrawn");
                    break;
            }
        }
    }

    /// <summary>Accepts an offer or claims from the queue; of several experts racing, one wins and the others hear so.</summary>
    private async Task TakeAsync(string requestId)
    {
        await RunAsync(async context =>
        {
            var title = _dispatch?.Queue.FirstOrDefault(q => q.RequestId == requestId)?.Title ?? "the request";
            switch (await ExpertService.AcceptAsync(context.User, context.BrokerageId, requestId))
            {
                case ClaimResult.Won:
                    Notify($"“{title}” is yours. The draft is on your bench.", Severity.Success, "won");
                    Navigation.NavigateTo($"experts/{Uri.EscapeDataString(requestId)}");
                    break;
                case ClaimResult.Lost:
                    Notify($"Someone else took “{title}”, or it is no longer waiting.", Severity.Warning, "lost");
                    break;
                case ClaimResult.NotEligible:
                    Notify("You cannot take it: set yourself available, check that it needs one of your skills, or finish a request first.", Severity.Warning, "not-eligible");
                    break;
                default:
                    _error = "Only the brokerage's experts can take requests.";
                    break;
            }
        });
    }

    private Task DeclineAsync(string requestId) => RunAsync(async context =>
    {
        if (await ExpertService.DeclineAsync(context.User, context.BrokerageId, requestId))
        {
            _dispatch = _dispatch?.WithoutOffer(requestId, context.UserId);
            Notify("Declined; it goes to the next expert.", Severity.Info, "declined");
        }
    });

    private Task ReclaimAsync(string requestId) => RunAsync(async context =>
    {
        if (await ExpertService.ReclaimAsync(context.User, context.BrokerageId, requestId) == true)
        {
            Notify("Reclaimed: the request is back at the front of the queue.", Severity.Success, "reclaimed");
        }
        else
        {
            Notify("Nothing to reclaim: no expert holds this request any more.", Severity.Info, "not-reclaimed");
        }
    });

    private Task SetAvailabilityAsync(bool available) => RunAsync(async context =>
    {
        var (status, expert) = await ExpertService.SetAvailabilityAsync(context.User, context.BrokerageId, context.UserId, available);
        if (status == CommandStatus.Done && expert is not null)
        {
            _me = expert;
        }
        else
        {
            _error = "Your availability could not be changed: you are not enrolled as an expert here.";
        }
    });

    private void OnReleased()
    {
        Notify("Released: the request is back in the queue for another expert.", Severity.Info, "released");
        Navigation.NavigateTo("experts");
        ScheduleReload();
    }

    /// <summary>One command at a time, its failure shown on the page, and dispatch re-read after it.</summary>
    private async Task RunAsync(Func<RequestsContext, Task> command)
    {
        if (_context is null || _busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            await command(_context);
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer. Try again in a moment.";
        }
        finally
        {
            _busy = false;
        }
    }

    private void Notify(string message, Severity severity, string kind) => (_notice, _noticeSeverity, _noticeKind) = (message, severity, kind);

    private void Tick()
    {
        _now = Clock.GetUtcNow();
        StateHasChanged();
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
