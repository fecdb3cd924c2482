using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Hosting.Messaging;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Web.Webhooks;

/// <summary>
/// Twilio's WhatsApp webhooks. Authenticated by X-Twilio-Signature, idempotent on MessageSid, acknowledged as soon as
/// the message is durably stored; everything else happens after the acknowledgement (<see cref="InboundProcessor"/>).
/// </summary>
public static partial class TwilioWebhooks
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio").AllowAnonymous().DisableAntiforgery().WithTags("Webhooks");
        group.MapPost("/whatsapp", ReceiveMessageAsync);
        group.MapPost("/status", ReceiveStatusAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveMessageAsync(
        HttpRequest request,
        IOptions<TwilioOptions> twilio,
        IWhatsAppNumbers numbers,
        InboundInbox inbox,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioWebhooks));
        if (await AuthenticateAsync(request, twilio, logger, cancellationToken) is not { } form)
        {
            return Forbidden();
        }

        var parsed = TwilioInboundMessageParser.Parse(form);
        if (parsed.Value is not { } message)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid WhatsApp message webhook", detail: string.Join(" ", parsed.Errors));
        }

        if (await numbers.FindBrokerageAsync(message.To.E164, cancellationToken) is not { } brokerageId)
        {
            LogUnknownNumber(logger, message.To.E164, message.MessageSid);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown WhatsApp number",
                detail: $"No brokerage uses the WhatsApp number {message.To.E164}.");
        }

        await inbox.StoreAsync(message.MessageSid, brokerageId, form, cancellationToken);
        return TypedResults.Content(EmptyTwiml, "text/xml");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveStatusAsync(
        HttpRequest request,
        IOptions<TwilioOptions> twilio,
        IConversationStore conversations,
        IGrainFactory grains,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioWebhooks));
        if (await AuthenticateAsync(request, twilio, logger, cancellationToken) is not { } form)
        {
            return Forbidden();
        }

        var parsed = TwilioStatusCallbackParser.Parse(form);
        if (parsed.Value is not { } callback)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid status callback", detail: string.Join(" ", parsed.Errors));
        }

        // Our ids ride in the callback URL (see WebhookAddress.StatusCallbackFor); older sends are found by sid.
        var target = request.Query["b"] is [{ } b] && request.Query["c"] is [{ } c] && request.Query["m"] is [{ } m]
            ? (b, c, m)
            : await conversations.FindByProviderSidAsync(callback.MessageSid, cancellationToken);
        if (target is not var (brokerageId, conversationId, messageId) || !GrainKeys.IsValidBrokerageId(brokerageId))
        {
            LogUnknownMessage(logger, callback.MessageSid);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown message", detail: $"No outbound message {callback.MessageSid}.");
        }

        await grains.GetGrain<IConversationGrain>(GrainKeys.For(brokerageId, conversationId)).ApplyDeliveryAsync(
            messageId, callback.Status.ToDeliveryStatus(), callback.MessageSid,
            callback.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), callback.ErrorMessage);
        return TypedResults.Content(EmptyTwiml, "text/xml");
    }

    internal static async Task<IReadOnlyList<KeyValuePair<string, string>>?> AuthenticateAsync(
        HttpRequest request, IOptions<TwilioOptions> twilio, ILogger logger, CancellationToken cancellationToken)
    {
        var signed = await SignedTwilioRequest.ReadAsync(request, twilio, cancellationToken);
        if (signed is { IsAuthentic: true })
        {
            return signed.Form;
        }

        LogRejected(logger, request.Path, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            request.Headers.ContainsKey(Integrations.Twilio.TwilioSignature.HeaderName) ? "forged" : "missing");
        return null;
    }

    internal static ProblemHttpResult Forbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature", detail: "The X-Twilio-Signature header is missing or does not match this request.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected Twilio webhook {Path} from {Remote}: signature {Problem}")]
    private static partial void LogRejected(ILogger logger, string path, string remote, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageSid} to unknown number {Phone}")]
    private static partial void LogUnknownNumber(ILogger logger, string phone, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for unknown message {MessageSid}")]
    private static partial void LogUnknownMessage(ILogger logger, string messageSid);
}
