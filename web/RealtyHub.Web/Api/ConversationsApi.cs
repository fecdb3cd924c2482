using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Api;

/// <summary>The WhatsApp inbox over REST, under <c>/api/brokerages/{brokerageId}</c>.</summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}")
            .RequireAuthorization()
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Conversations");

        group.MapGet("/conversations", ListAsync);
        group.MapGet("/conversations/{conversationId}", GetAsync);
        group.MapGet("/conversations/{conversationId}/messages", PageAsync);
        group.MapPost("/conversations/{conversationId}/replies", ReplyAsync);
        group.MapPut("/conversations/{conversationId}/assignment", AssignAsync);
        group.MapPut("/conversations/{conversationId}/status", SetStatusAsync);
        group.MapPost("/conversations/{conversationId}/read", MarkReadAsync);
        group.MapGet("/media/{mediaId}", GetMediaAsync);
        group.MapGet("/whatsapp-templates", GetTemplatesAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, NotFound, ValidationProblem>> ListAsync(
        string brokerageId, ClaimsPrincipal caller, ConversationService inbox, string? filter, string? q, int? limit)
    {
        if (!Enum.TryParse<InboxFilter>(filter ?? nameof(InboxFilter.All), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = ["Use mine, unassigned or all."] });
        }

        return await inbox.ListAsync(caller, brokerageId, parsed, q, limit ?? 50) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ConversationView>, NotFound>> GetAsync(
        string brokerageId, string conversationId, ClaimsPrincipal caller, ConversationService inbox) =>
        await inbox.GetAsync(caller, brokerageId, conversationId) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<StoredMessage>>, NotFound>> PageAsync(
        string brokerageId, string conversationId, ClaimsPrincipal caller, ConversationService inbox, long? before, int? limit) =>
        await inbox.PageAsync(caller, brokerageId, conversationId, before, limit ?? 30) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();

    private static async Task<Results<Accepted<ChatMessage>, NotFound, ProblemHttpResult>> ReplyAsync(
        string brokerageId, string conversationId, ReplyBody body, ClaimsPrincipal caller, ConversationService inbox)
    {
        var (status, outcome) = await inbox.ReplyAsync(
            caller, brokerageId, conversationId, body?.Body, body?.TemplateSid, body?.Variables?.ToImmutableDictionary(), body?.IdempotencyKey);
        return (status, outcome) switch
        {
            (CommandStatus.Done, { Status: ReplyStatus.Queued, Message: { } message }) =>
                TypedResults.Accepted($"/api/brokerages/{brokerageId}/conversations/{conversationId}", message),
            (CommandStatus.Done, { } refused) => TypedResults.Problem(
                statusCode: refused.Status == ReplyStatus.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict,
                title: refused.Status switch
                {
                    ReplyStatus.OptedOut => "The client opted out",
                    ReplyStatus.WindowClosed => "Outside the 24-hour window",
                    _ => "The reply is not valid",
                },
                detail: refused.Reason),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ConversationSummary>, NotFound, ForbidHttpResult>> AssignAsync(
        string brokerageId, string conversationId, AssignmentBody body, ClaimsPrincipal caller, ConversationService inbox) =>
        await inbox.AssignAsync(caller, brokerageId, conversationId, body?.AgentId) switch
        {
            (CommandStatus.Done, { } conversation) => TypedResults.Ok(conversation),
            (CommandStatus.Forbidden, _) => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<ConversationSummary>, NotFound, ForbidHttpResult, ValidationProblem>> SetStatusAsync(
        string brokerageId, string conversationId, StatusBody body, ClaimsPrincipal caller, ConversationService inbox)
    {
        if (body?.Status is not { } status || !Enum.IsDefined(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Status must be Open or Resolved."] });
        }

        return await inbox.SetStatusAsync(caller, brokerageId, conversationId, status) switch
        {
            (CommandStatus.Done, { } conversation) => TypedResults.Ok(conversation),
            (CommandStatus.Forbidden, _) => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(
        string brokerageId, string conversationId, ClaimsPrincipal caller, ConversationService inbox) =>
        await inbox.MarkReadAsync(caller, brokerageId, conversationId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetMediaAsync(
        string brokerageId, string mediaId, ClaimsPrincipal caller, ConversationService inbox) =>
        await inbox.GetMediaAsync(caller, brokerageId, mediaId) is { } file
            ? TypedResults.File(file.Content.ToArray(), file.ContentType)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ImmutableArray<WhatsAppTemplate>>, NotFound>> GetTemplatesAsync(
        string brokerageId, ClaimsPrincipal caller, ConversationService inbox) =>
        await inbox.GetTemplatesAsync(caller, brokerageId) is { } templates ? TypedResults.Ok(templates) : TypedResults.NotFound();
}
