using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Api;

/// <summary>AI requests and the expert queue under <c>/api/brokerages/{brokerageId}</c>.</summary>
public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}")
            .RequireAuthorization()
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Requests");

        group.MapPost("/requests", SubmitAsync);
        // The recording is the body (audio/webm, audio/ogg, audio/wav): no form, so no antiforgery token is needed, and
        // a cross-site page cannot send one without a CORS preflight.
        group.MapPost("/requests/voice", SubmitVoiceAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestService.MaxRecordingBytes));
        group.MapGet("/requests", ListAsync);
        group.MapGet("/requests/{requestId}", GetAsync);
        group.MapPost("/requests/{requestId}/answer", (string brokerageId, string requestId, TextBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.AnswerAsync(caller, brokerageId, requestId, body?.Text ?? string.Empty)));
        group.MapPost("/requests/{requestId}/cancel", (string brokerageId, string requestId, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.CancelAsync(caller, brokerageId, requestId)));
        group.MapPost("/requests/{requestId}/retry", (string brokerageId, string requestId, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.RetryAsync(caller, brokerageId, requestId)));
        group.MapPost("/requests/{requestId}/rating", (string brokerageId, string requestId, RatingBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.RateAsync(caller, brokerageId, requestId, body?.Rating ?? 0, body?.Feedback)));
        group.MapPut("/requests/{requestId}/draft", (string brokerageId, string requestId, TextBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.SaveDraftAsync(caller, brokerageId, requestId, body?.Text ?? string.Empty)));
        group.MapPost("/requests/{requestId}/question", (string brokerageId, string requestId, TextBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.AskAgentAsync(caller, brokerageId, requestId, body?.Text ?? string.Empty)));
        group.MapPost("/requests/{requestId}/deliver", (string brokerageId, string requestId, DeliverBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.DeliverAsync(caller, brokerageId, requestId, body?.Markdown ?? string.Empty, body?.OverrideReason)));
        group.MapPost("/requests/{requestId}/reject", (string brokerageId, string requestId, TextBody body, ClaimsPrincipal caller, RequestService requests) =>
            Send(requests.RejectAsync(caller, brokerageId, requestId, body?.Text ?? string.Empty)));
        group.MapPost("/requests/{requestId}/accept", AcceptAsync);
        group.MapPost("/requests/{requestId}/decline", DeclineAsync);
        group.MapPost("/requests/{requestId}/release", ReleaseAsync);
        group.MapPost("/requests/{requestId}/reclaim", ReclaimAsync);
        group.MapGet("/dispatch", GetDispatchAsync);
        group.MapPut("/experts/{expertId}/availability", SetAvailabilityAsync);
        group.MapDeliverableApi();
        return group;
    }

    private static async Task<IResult> SubmitAsync(string brokerageId, AskRequest body, ClaimsPrincipal caller, RequestService requests)
    {
        if (!caller.IsInRole(HubRoles.Agent))
        {
            return TypedResults.Problem("Only agents make requests.", statusCode: StatusCodes.Status403Forbidden);
        }

        var outcome = await requests.SubmitAsync(caller, brokerageId, body ?? new AskRequest(string.Empty));
        return outcome.Status == RequestOutcomeStatus.Done
            ? TypedResults.Created($"/api/brokerages/{brokerageId}/requests/{outcome.Request!.RequestId}", outcome.Request)
            : ToResult(outcome);
    }

    private static async Task<IResult> SubmitVoiceAsync(
        string brokerageId, HttpRequest request, ClaimsPrincipal caller, RequestService requests, string? conversationId, RequestPriority? priority,
        CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(HubRoles.Agent))
        {
            return TypedResults.Problem("Only agents make requests.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (request.HasFormContentType || request.ContentType is not { } contentType || !contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the recording as the request body with its audio content type (audio/webm, audio/ogg or audio/wav).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a recording");
        }

        using var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            return TypedResults.Problem($"A recording may be at most {RequestService.MaxRecordingBytes / (1024 * 1024)} MB.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Recording too large");
        }

        var outcome = await requests.SubmitVoiceAsync(caller, brokerageId, body.GetBuffer().AsMemory(0, (int)body.Length), contentType, conversationId, priority);
        return outcome.Status == RequestOutcomeStatus.Done
            ? TypedResults.Created($"/api/brokerages/{brokerageId}/requests/{outcome.Request!.RequestId}", outcome.Request)
            : ToResult(outcome);
    }

    private static async Task<Results<Ok<IReadOnlyList<RequestListItem>>, NotFound>> ListAsync(
        string brokerageId, ClaimsPrincipal caller, RequestService requests, int? limit) =>
        await requests.ListAsync(caller, brokerageId, limit ?? 50) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<RequestView>, NotFound>> GetAsync(string brokerageId, string requestId, ClaimsPrincipal caller, RequestService requests) =>
        await requests.GetAsync(caller, brokerageId, requestId) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<IResult> AcceptAsync(string brokerageId, string requestId, ClaimsPrincipal caller, ExpertService experts) =>
        await experts.AcceptAsync(caller, brokerageId, requestId) switch
        {
            null => TypedResults.NotFound(),
            ClaimResult.Won => TypedResults.Ok(new ClaimAnswer(ClaimResult.Won, "The request is yours.")),
            ClaimResult.Lost => TypedResults.Conflict(new ClaimAnswer(ClaimResult.Lost, "Another expert has it, or it is no longer waiting.")),
            _ => TypedResults.Conflict(new ClaimAnswer(ClaimResult.NotEligible, "You cannot take it: set yourself available, check the skill, or finish a request first.")),
        };

    private static async Task<IResult> DeclineAsync(string brokerageId, string requestId, ClaimsPrincipal caller, ExpertService experts) =>
        await experts.DeclineAsync(caller, brokerageId, requestId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<IResult> ReleaseAsync(string brokerageId, string requestId, ClaimsPrincipal caller, ExpertService experts) =>
        await experts.ReleaseAsync(caller, brokerageId, requestId) switch
        {
            true => TypedResults.NoContent(),
            false => TypedResults.Problem("You do not hold this request.", statusCode: StatusCodes.Status409Conflict),
            null => TypedResults.NotFound(),
        };

    private static async Task<IResult> ReclaimAsync(string brokerageId, string requestId, ClaimsPrincipal caller, ExpertService experts) =>
        await experts.ReclaimAsync(caller, brokerageId, requestId) switch
        {
            true => TypedResults.NoContent(),
            false => TypedResults.Problem("No expert holds this request.", statusCode: StatusCodes.Status409Conflict),
            null => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<DispatchSnapshot>, NotFound>> GetDispatchAsync(string brokerageId, ClaimsPrincipal caller, ExpertService experts) =>
        await experts.GetDispatchAsync(caller, brokerageId) is { } snapshot ? TypedResults.Ok(snapshot) : TypedResults.NotFound();

    private static async Task<IResult> SetAvailabilityAsync(string brokerageId, string expertId, AvailabilityBody body, ClaimsPrincipal caller, ExpertService experts)
    {
        if (body?.Available is not { } available)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["available"] = ["Say true or false."] });
        }

        var (status, expert) = await experts.SetAvailabilityAsync(caller, brokerageId, expertId, available);
        return status switch
        {
            CommandStatus.Done => TypedResults.Ok(expert),
            CommandStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<IResult> Send(Task<RequestOutcome> command) => ToResult(await command);

    /// <summary>Refusals carry their reason: 400 bad input, 403 not yours, 409 wrong state, 422 compliance findings.</summary>
    private static IResult ToResult(RequestOutcome outcome) => outcome.Status switch
    {
        RequestOutcomeStatus.Done => TypedResults.Ok(outcome.Request),
        RequestOutcomeStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [outcome.Reason!] }),
        RequestOutcomeStatus.NotYours when outcome.Request is null => TypedResults.NotFound(outcome.Reason),
        RequestOutcomeStatus.NotYours => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden),
        RequestOutcomeStatus.NotAllowed => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.UnprocessableEntity(new ComplianceAnswer(outcome.Reason!, outcome.Findings.IsDefault ? [] : [.. outcome.Findings])),
    };

    public sealed record TextBody(string? Text);

    public sealed record RatingBody(int? Rating, string? Feedback);

    public sealed record DeliverBody(string? Markdown, string? OverrideReason);

    public sealed record AvailabilityBody(bool? Available);

    public sealed record ClaimAnswer(ClaimResult Result, string Message);

    public sealed record ComplianceAnswer(string Reason, IReadOnlyList<ComplianceFinding> Findings);
}
