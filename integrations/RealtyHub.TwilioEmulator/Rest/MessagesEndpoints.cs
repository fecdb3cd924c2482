using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator.Engine;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>Twilio's Messages resource: create, list, fetch (https://www.twilio.com/docs/messaging/api/message-resource).</summary>
internal static class MessagesEndpoints
{
    private const int MaxPageSize = 1000;

    public static void MapMessagesApi(this IEndpointRouteBuilder group)
    {
        var messages = group.MapGroup("/2010-04-01/Accounts/{accountSid}").AddEndpointFilter<RestGuardFilter>();
        messages.MapPost("/Messages.json", CreateAsync);
        messages.MapGet("/Messages.json", List);
        messages.MapGet("/Messages/{messageSid}.json", Fetch);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, string accountSid, EmulatorStore store, StatusCallbackDispatcher dispatcher, IOptions<TwilioEmulatorOptions> options)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        var (command, error) = CreateMessageValidator.Validate(form);
        if (command is null)
        {
            return error!.ToResult();
        }

        var settings = options.Value;
        var now = store.Now;
        var candidate = new EmulatedMessage
        {
            Sid = TwilioSid.Create("SM"),
            Direction = EmulatedMessageDirection.OutboundApi,
            ClientNumber = command.To,
            BusinessNumber = command.From,
            Body = command.ContentSid is { } contentSid
                ? TemplateRenderer.Render(contentSid, command.ContentVariables, settings.ContentTemplates)
                : command.Body ?? string.Empty,
            ContentSid = command.ContentSid,
            ContentVariables = command.ContentVariables,
            Media = [.. command.MediaUrls.Select(url => new EmulatedMediaLink(url, null))],
            Status = TwilioMessageStatus.Queued,
            StatusCallback = command.StatusCallback,
            DateCreated = now,
            DateUpdated = now,
        };

        // Same token, same message: Twilio answers a repeated create with the resource it already made.
        var token = http.Request.Headers[TwilioMessagingClient.IdempotencyTokenHeader].ToString();
        var (message, created) = store.AddOutbound(candidate, token.Length > 0 ? token : null);
        if (created)
        {
            dispatcher.Enqueue(message.Sid, DeliveryPlanner.Plan(message, store.LastInbound(message.ClientNumber, message.BusinessNumber), settings));
        }

        return Results.Json(MessageResourceJson.Of(message, accountSid), TwilioJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(string accountSid, EmulatorStore store, string? to, string? from, int? pageSize, int? page)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
        var index = Math.Max(page ?? 0, 0);
        var all = store.Select(m => (to is null || m.To == to) && (from is null || m.From == from));
        all.Reverse(); // newest first, as Twilio lists them
        var items = all.Skip(index * size).Take(size).Select(m => MessageResourceJson.Of(m, accountSid)).ToList();

        var basePath = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
        string PageUri(int p) => $"{basePath}?PageSize={size}&Page={p}";
        return Results.Json(
            new MessagePageJson(
                items,
                index,
                size,
                index * size,
                index * size + Math.Max(items.Count - 1, 0),
                PageUri(index),
                PageUri(0),
                (index + 1) * size < all.Count ? PageUri(index + 1) : null,
                index > 0 ? PageUri(index - 1) : null),
            TwilioJson.Options);
    }

    private static IResult Fetch(string accountSid, string messageSid, EmulatorStore store) =>
        store.Find(messageSid) is { } message
            ? Results.Json(MessageResourceJson.Of(message, accountSid), TwilioJson.Options)
            : new RestError(
                TwilioErrorCodes.NotFound,
                $"The requested resource /2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json was not found",
                System.Net.HttpStatusCode.NotFound).ToResult();
}
