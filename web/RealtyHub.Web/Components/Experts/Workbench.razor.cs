using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Components.Requests;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Experts;

/// <summary>
/// One request on the expert's bench, kept live by the brokerage feed. The editor starts from the current draft and
/// follows later drafts only while the expert has not typed, so a push never overwrites their work. Delivery goes
/// through the compliance gate: refused findings are shown with a field for the (audited) override reason.
/// </summary>
public sealed partial class Workbench : IAsyncDisposable
{
    private RequestView? _view;
    private bool _loading = true;
    private bool _busy;
    private string? _markdown;
    private string? _editorFrom;
    private bool _dirty;
    private string? _question;
    private string? _rejectReason;
    private string? _overrideReason;
    private ImmutableArray<ComplianceFinding>? _latestFindings;
    private ImmutableArray<ComplianceFinding>? _blockedFindings;
    private string? _error;
    private string? _notice;
    private IAsyncDisposable? _lease;

    [Parameter, EditorRequired]
    public RequestsContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public string RequestId { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>The claim on this request, if an expert holds it (for the due time).</summary>
    [Parameter]
    public ExpertClaim? Claim { get; set; }

    [Parameter]
    public bool OfferedToMe { get; set; }

    /// <summary>Accept the offer or claim from the queue (the page does it, as for the lists).</summary>
    [Parameter]
    public EventCallback<string> Take { get; set; }

    [Parameter]
    public EventCallback<string> Reclaim { get; set; }

    /// <summary>This bench changed the request (the page refreshes the queue and claims).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>The expert gave the request back to the queue.</summary>
    [Parameter]
    public EventCallback Released { get; set; }

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private ExpertService Experts { get; set; } = default!;

    [Inject]
    private BrokerageFeed Feed { get; set; } = default!;

    /// <summary>editing: mine and in review; waiting: mine, the agent is asked; viewing: anything else.</summary>
    private string Mode => _view is { } v && v.ExpertId == Context.UserId && Context.IsExpert
        ? v.State switch
        {
            RequestState.InReview => "editing",
            RequestState.NeedsInfo => "waiting",
            _ => "viewing",
        }
        : "viewing";

    private bool Overriding => _blockedFindings is not null && !string.IsNullOrWhiteSpace(_overrideReason);

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

    /// <summary>Keeps the newest view (timelines only grow) and brings the editor along while it is untouched.</summary>
    private bool Apply(RequestView view)
    {
        if (!LiveRequest.IsNewer(_view, view))
        {
            return false;
        }

        _view = view;
        var draft = view.Draft?.Markdown;
        if (!_dirty && !string.Equals(draft, _editorFrom, StringComparison.Ordinal))
        {
            (_markdown, _editorFrom) = (draft, draft);
        }

        return true;
    }

    private void OnEdited(string markdown)
    {
        _markdown = markdown;
        _dirty = !string.Equals(markdown, _editorFrom, StringComparison.Ordinal);
    }

    private async Task SaveAsync()
    {
        var saved = _markdown ?? string.Empty;
        if (await ActAsync(() => Requests.SaveDraftAsync(Context.User, Context.BrokerageId, RequestId, saved)) is { Status: RequestOutcomeStatus.Done } outcome)
        {
            (_editorFrom, _dirty) = (saved, !string.Equals(_markdown, saved, StringComparison.Ordinal));
            _latestFindings = outcome.Findings.IsDefault ? [] : outcome.Findings;
            _notice = _latestFindings.Value.IsEmpty ? "Draft saved; no compliance findings." : $"Draft saved with {_latestFindings.Value.Length} compliance finding(s).";
        }
    }

    private async Task DeliverAsync()
    {
        var markdown = _markdown ?? string.Empty;
        var reason = Overriding ? _overrideReason : null;
        var outcome = await ActAsync(() => Requests.DeliverAsync(Context.User, Context.BrokerageId, RequestId, markdown, reason), showRefusal: false);
        switch (outcome?.Status)
        {
            case RequestOutcomeStatus.Done:
                (_blockedFindings, _overrideReason, _dirty) = (null, null, false);
                _notice = $"Delivered to {_view?.AgentName}.";
                break;
            case RequestOutcomeStatus.ComplianceBlocked:
                _blockedFindings = outcome.Findings.IsDefault ? [] : outcome.Findings;
                _latestFindings = _blockedFindings;
                break;
            case { } status:
                _error = outcome.Reason ?? $"Not delivered ({status}).";
                break;
        }
    }

    private async Task AskAgentAsync()
    {
        if (await ActAsync(() => Requests.AskAgentAsync(Context.User, Context.BrokerageId, RequestId, _question ?? string.Empty)) is { Status: RequestOutcomeStatus.Done })
        {
            _question = null;
            _notice = $"Asked {_view?.AgentName}; you keep the request while they answer.";
        }
    }

    private async Task RejectAsync()
    {
        if (await ActAsync(() => Requests.RejectAsync(Context.User, Context.BrokerageId, RequestId, _rejectReason ?? string.Empty)) is { Status: RequestOutcomeStatus.Done })
        {
            _rejectReason = null;
            _notice = $"Rejected; {_view?.AgentName} sees your reason.";
        }
    }

    private async Task ReleaseAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            if (await Experts.ReleaseAsync(Context.User, Context.BrokerageId, RequestId) == true)
            {
                await Released.InvokeAsync();
            }
            else
            {
                _error = "The request is not in your hands any more, so there is nothing to release.";
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

    /// <summary>Runs a command, applies the request it returns and shows a refusal's reason (unless the caller does).</summary>
    private async Task<RequestOutcome?> ActAsync(Func<Task<RequestOutcome>> act, bool showRefusal = true)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            var outcome = await act();
            if (outcome.Request is { } view)
            {
                Apply(view);
            }

            if (outcome.Status != RequestOutcomeStatus.Done && showRefusal)
            {
                _error = outcome.Reason ?? "That did not work.";
            }

            await Changed.InvokeAsync();
            return outcome;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The hub did not answer. Try again in a moment; nothing was lost from the editor.";
            return null;
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
