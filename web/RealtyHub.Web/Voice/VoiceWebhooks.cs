using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Voice;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.Web.Webhooks;

namespace RealtyHub.Web.Voice;

/// <summary>
/// Twilio's voice webhooks: a call to a brokerage number is answered with TwiML that connects its audio to our media
/// stream endpoint (<see cref="MediaStreamEndpoint"/>); the call's status callback ends the session. Both are
/// authenticated by X-Twilio-Signature; a repeated webhook finds the session it already started.
/// </summary>
public static partial class VoiceWebhooks
{
    /// <summary>The brokerage numbers' Voice URL.</summary>
    public const string AnswerPath = "/webhooks/twilio/voice";

    /// <summary>The calls' status callback URL.</summary>
    public const string StatusPath = "/webhooks/twilio/voice/status";

    /// <summary>The path of the media stream endpoint; the brokerage, call and token follow.</summary>
    public const string StreamPath = "/voice/streams";

    public static IEndpointRouteBuilder MapVoiceWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AllowAnonymous().DisableAntiforgery().WithTags("Webhooks");
        group.MapPost(AnswerPath, AnswerAsync);
        group.MapPost(StatusPath, StatusAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AnswerAsync(
        HttpRequest request, IOptions<TwilioOptions> twilio, IWhatsAppNumbers numbers, IGrainFactory grains, ILoggerFactory loggers,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(VoiceWebhooks));
        if (await TwilioWebhooks.AuthenticateAsync(request, twilio, logger, cancellationToken) is not { } form)
        {
            return TwilioWebhooks.Forbidden();
        }

        var parsed = TwilioCallWebhookParser.Parse(form);
        if (parsed.Value is not { } call)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid voice webhook", detail: string.Join(" ", parsed.Errors));
        }

        if (await numbers.FindBrokerageAsync(call.To, cancellationToken) is not { } brokerageId)
        {
            // Twilio plays TwiML, not problem details: the caller hears why, and the call is not left ringing.
            LogUnknownNumber(logger, call.To, call.CallSid);
            return Twiml(new VoiceResponse().Say("Sorry, this number is not in service.").Hangup());
        }

        var session = grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(brokerageId, call.CallSid));
        await session.StartAsync(new IncomingCall(call.CallSid, call.From, call.To, call.CallerName, clock.GetUtcNow()));
        var brokerage = await grains.GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync();
        var token = VoiceStreamToken.For(twilio.Value.AuthToken, brokerageId, call.CallSid);
        var streamUrl = StreamUrl(request, twilio.Value.PublicBaseUrl, $"{StreamPath}/{brokerageId}/{call.CallSid}/{token}");
        return Twiml(new VoiceResponse()
            .Say($"Thank you for calling {brokerage?.Name ?? "us"}. This call is transcribed for our agents.")
            .ConnectStream(streamUrl, [new("brokerage", brokerageId)]));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StatusAsync(
        HttpRequest request, IOptions<TwilioOptions> twilio, IWhatsAppNumbers numbers, IGrainFactory grains, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(VoiceWebhooks));
        if (await TwilioWebhooks.AuthenticateAsync(request, twilio, logger, cancellationToken) is not { } form)
        {
            return TwilioWebhooks.Forbidden();
        }

        var parsed = TwilioCallWebhookParser.Parse(form);
        if (parsed.Value is not { } call)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid call status callback", detail: string.Join(" ", parsed.Errors));
        }

        if (call.Status.IsFinal() && await numbers.FindBrokerageAsync(call.To, cancellationToken) is { } brokerageId)
        {
            await grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(brokerageId, call.CallSid)).EndAsync($"The call ended ({call.Status.ToWireName()}).");
        }

        return Twiml(new VoiceResponse());
    }

    /// <summary>The stream URL as Twilio must reach it: the public base when configured, else the host it called.</summary>
    internal static Uri StreamUrl(HttpRequest request, Uri? publicBaseUrl, string path)
    {
        var baseUrl = publicBaseUrl ?? new Uri(request.GetEncodedUrl());
        var builder = new UriBuilder(baseUrl) { Path = path, Query = string.Empty };
        builder.Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    private static ContentHttpResult Twiml(VoiceResponse response) => TypedResults.Content(response.ToXml(), VoiceResponse.ContentType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallSid} to unknown number {Phone}")]
    private static partial void LogUnknownNumber(ILogger logger, string phone, string callSid);
}
