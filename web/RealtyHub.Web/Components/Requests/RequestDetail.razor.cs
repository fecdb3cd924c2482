using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Requests;

/// <summary>
/// The selected request, kept live by the brokerage feed: every state the request enters appears in its timeline
/// without a reload. The page gives each request a fresh instance (keyed by id).
/// </summary>
public sealed partial class RequestDetail : IAsyncDisposable
{
    private RequestView? _view;
    private bool _loading = true;
    private bool _busy;
    private string? _answer;
    private string? _error;
    private IAsyncDisposable? _lease;

    [Parameter, EditorRequired]
    public RequestsContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public string RequestId { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>The request changed by this page's own action (the list shows it before the feed does).</summary>
    [Parameter]
    public EventCallback<RequestView> Changed { get; set; }

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private ExpertService Experts { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    private bool IsMine => _view?.AgentId == Context.UserId;

    private bool MayCancel => IsMine && _view is { } view && !view.State.IsFinal();

    private bool MayRetry => IsMine || Context.IsSupervisor;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _lease = await LiveRequest.WatchAsync(Feed, Requests, Context, RequestId, RendererInfo.IsInteractive, OnView);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The request could not be loaded: the hub did not answer. Reload in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnView(RequestView view) => _ = InvokeAsync(() =>
    {
        if (Apply(view))
        {
            StateHasChanged();
        }
    });

    /// <summary>
    /// Keeps the newest view. Events only ever get appended, so a longer timeline is newer; an equal one is a change
    /// without a new state (a rating, a saved draft) and is taken too.
    /// </summary>
    private bool Apply(RequestView view)
    {
        if (!LiveRequest.IsNewer(_view, view))
        {
            return false;
        }

        _view = view;
        return true;
    }

    private async Task ApplyAsync(RequestView view)
    {
        if (Apply(view))
        {
            await Changed.InvokeAsync(view);
        }
    }

    private Task CancelAsync() => ActAsync(() => Requests.CancelAsync(Context.User, Context.BrokerageId, RequestId));

    private Task RetryAsync() => ActAsync(() => Requests.RetryAsync(Context.User, Context.BrokerageId, RequestId));

    private async Task AnswerAsync()
    {
        await ActAsync(() => Requests.AnswerAsync(Context.User, Context.BrokerageId, RequestId, _answer ?? string.Empty));
        if (_error is null)
        {
            _answer = null;
        }
    }

    private async Task ReclaimAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            if (await Experts.ReclaimAsync(Context.User, Context.BrokerageId, RequestId) != true)
            {
                _error = "The request is no longer with an expert, so there is nothing to reclaim.";
            }
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

    private async Task ActAsync(Func<Task<RequestOutcome>> act)
    {
        _busy = true;
        _error = null;
        try
        {
            var outcome = await act();
            if (outcome.Request is { } view)
            {
                await ApplyAsync(view);
            }

            if (outcome.Status != RequestOutcomeStatus.Done)
            {
                _error = outcome.Reason ?? "That did not work.";
            }
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

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
