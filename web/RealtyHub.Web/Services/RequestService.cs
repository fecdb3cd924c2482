using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Voice.Audio;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>
/// AI requests for the console and the API. Agents ask, answer, cancel and rate their own requests; experts work the
/// queue; supervisors see everything and reclaim. Another agent's request is "not found", as across brokerages.
/// </summary>
public sealed class RequestService(IGrainFactory grains, IRequestStore store, IMediaStore media)
{
    public const int MaxTextLength = 4000;

    /// <summary>A spoken request is a few sentences; ten minutes of Opus is well under this.</summary>
    public const int MaxRecordingBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan MaxRecordingLength = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A spoken request: the recording is checked (readable audio, at most <see cref="MaxRecordingLength"/>), stored,
    /// and the request starts in Transcribing; it carries on as a text request once transcribed.
    /// </summary>
    public async Task<RequestOutcome> SubmitVoiceAsync(
        ClaimsPrincipal caller, string brokerageId, ReadOnlyMemory<byte> recording, string? contentType, string? conversationId, RequestPriority? priority)
    {
        if (!caller.CanAccessValidBrokerage(brokerageId) || !caller.IsInRole(HubRoles.Agent))
        {
            return new RequestOutcome(RequestOutcomeStatus.NotYours, null, "Only agents make requests.");
        }

        if (recording.Length == 0 || recording.Length > MaxRecordingBytes)
        {
            return new RequestOutcome(RequestOutcomeStatus.Invalid, null, $"Send a recording of at most {MaxRecordingBytes / (1024 * 1024)} MB.");
        }

        if (conversationId is { } c && !GrainKeys.IsValid(brokerageId, c))
        {
            return new RequestOutcome(RequestOutcomeStatus.Invalid, null, "The conversation id is not valid.");
        }

        try
        {
            // Decoded once here so a bad file is refused with its reason now, not discovered later by the request.
            SpeechAudio.Decode(recording.Span, contentType, MaxRecordingLength);
        }
        catch (AudioFormatException ex)
        {
            return new RequestOutcome(RequestOutcomeStatus.Invalid, null, ex.Message);
        }

        var storedType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Split(';')[0].Trim();
        var mediaId = await media.SaveAsync(brokerageId, storedType, recording);
        var requestId = Guid.NewGuid().ToString("N")[..16];
        var view = await Request(brokerageId, requestId).SubmitAsync(
            new NewRequest(caller.GetUserId(), string.Empty, priority ?? RequestPriority.Normal, conversationId, "voice note", mediaId),
            caller.GetDisplayName());
        return new RequestOutcome(RequestOutcomeStatus.Done, view);
    }

    public async Task<RequestOutcome> SubmitAsync(ClaimsPrincipal caller, string brokerageId, AskRequest ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (!caller.CanAccessValidBrokerage(brokerageId) || !caller.IsInRole(HubRoles.Agent))
        {
            return new RequestOutcome(RequestOutcomeStatus.NotYours, null, "Only agents make requests.");
        }

        if (string.IsNullOrWhiteSpace(ask.Text) || ask.Text.Length > MaxTextLength)
        {
            return new RequestOutcome(RequestOutcomeStatus.Invalid, null, $"Say what you need (1 to {MaxTextLength} characters).");
        }

        var requestId = ask.RequestId ?? Guid.NewGuid().ToString("N")[..16];
        if (!GrainKeys.IsValid(brokerageId, requestId) || (ask.ConversationId is { } c && !GrainKeys.IsValid(brokerageId, c)))
        {
            return new RequestOutcome(RequestOutcomeStatus.Invalid, null, "The request or conversation id is not valid.");
        }

        var view = await Request(brokerageId, requestId).SubmitAsync(
            new NewRequest(caller.GetUserId(), ask.Text, ask.Priority ?? RequestPriority.Normal, ask.ConversationId, "console"),
            caller.GetDisplayName());
        return view.AgentId == caller.GetUserId()
            ? new RequestOutcome(RequestOutcomeStatus.Done, view)
            : new RequestOutcome(RequestOutcomeStatus.Invalid, null, "That request id is taken.");
    }

    /// <summary>The request if the caller may see it: its agent, the brokerage's experts, supervisors and owners.</summary>
    public async Task<RequestView?> GetAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        caller.CanAccessValidBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, requestId)
        && await Request(brokerageId, requestId).GetAsync() is { } view && MaySee(caller, view)
            ? view
            : null;

    /// <summary>Agents get their own requests; experts, supervisors and owners the brokerage's newest.</summary>
    public async Task<IReadOnlyList<RequestListItem>?> ListAsync(ClaimsPrincipal caller, string brokerageId, int limit)
    {
        if (!caller.CanAccessValidBrokerage(brokerageId))
        {
            return null;
        }

        limit = Math.Clamp(limit, 1, 200);
        return caller.CanManageTeam() || caller.IsInRole(HubRoles.Expert)
            ? await store.ListAsync(brokerageId, limit)
            : await store.ListForAgentAsync(brokerageId, caller.GetUserId(), limit);
    }

    public Task<RequestOutcome> AnswerAsync(ClaimsPrincipal caller, string brokerageId, string requestId, string answer) =>
        ActAsync(caller, brokerageId, requestId, g => g.AnswerAsync(caller.GetUserId(), answer));

    public Task<RequestOutcome> CancelAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        ActAsync(caller, brokerageId, requestId, g => g.CancelAsync(caller.GetUserId()));

    public Task<RequestOutcome> RateAsync(ClaimsPrincipal caller, string brokerageId, string requestId, int rating, string? feedback) =>
        ActAsync(caller, brokerageId, requestId, g => g.RateAsync(caller.GetUserId(), rating, feedback));

    /// <summary>The agent who asked, or a supervisor, runs a failed request again.</summary>
    public Task<RequestOutcome> RetryAsync(ClaimsPrincipal caller, string brokerageId, string requestId) =>
        ActAsync(caller, brokerageId, requestId, async g =>
            (await g.GetAsync())?.AgentId == caller.GetUserId() || caller.CanManageTeam()
                ? await g.RetryAsync(caller.GetDisplayName())
                : new RequestOutcome(RequestOutcomeStatus.NotYours, null, "Only the agent who asked or a supervisor can retry."));

    public Task<RequestOutcome> SaveDraftAsync(ClaimsPrincipal caller, string brokerageId, string requestId, string markdown) =>
        ActAsync(caller, brokerageId, requestId, g => g.SaveDraftAsync(caller.GetUserId(), markdown));

    public Task<RequestOutcome> AskAgentAsync(ClaimsPrincipal caller, string brokerageId, string requestId, string question) =>
        ActAsync(caller, brokerageId, requestId, g => g.AskAgentAsync(caller.GetUserId(), question));

    public Task<RequestOutcome> DeliverAsync(ClaimsPrincipal caller, string brokerageId, string requestId, string markdown, string? overrideReason) =>
        ActAsync(caller, brokerageId, requestId, g => g.DeliverAsync(caller.GetUserId(), markdown, overrideReason));

    public Task<RequestOutcome> RejectAsync(ClaimsPrincipal caller, string brokerageId, string requestId, string reason) =>
        ActAsync(caller, brokerageId, requestId, g => g.RejectAsync(caller.GetUserId(), reason));

    private async Task<RequestOutcome> ActAsync(
        ClaimsPrincipal caller, string brokerageId, string requestId, Func<IAiRequestGrain, Task<RequestOutcome>> act)
    {
        if (await GetAsync(caller, brokerageId, requestId) is null)
        {
            return new RequestOutcome(RequestOutcomeStatus.NotYours, null, "Request not found.");
        }

        return await act(Request(brokerageId, requestId));
    }

    private static bool MaySee(ClaimsPrincipal caller, RequestView view) =>
        view.AgentId == caller.GetUserId() || caller.CanManageTeam() || caller.IsInRole(HubRoles.Expert);

    private IAiRequestGrain Request(string brokerageId, string requestId) =>
        grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerageId, requestId));
}

/// <summary>An agent's request as the API and the Ask panel send it; <see cref="RequestId"/> makes a retried submit idempotent.</summary>
public sealed record AskRequest(string Text, RequestPriority? Priority = null, string? ConversationId = null, string? RequestId = null);
