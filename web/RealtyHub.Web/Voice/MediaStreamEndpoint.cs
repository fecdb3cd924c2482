using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using RealtyHub.Grains.Voice;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Web.Voice;

/// <summary>
/// Twilio Media Streams arrive here as WebSockets. Only a stream the hub started is accepted: the URL must carry the
/// call's token and the upgrade Twilio's signature (both checked before the upgrade), and the call's session must be
/// ringing and expecting exactly this call.
/// Frames feed the call's <see cref="LiveCallTranscriber"/>; <c>stop</c>, a close or a broken socket ends the call.
/// </summary>
public static partial class MediaStreamEndpoint
{
    public static IEndpointRouteBuilder MapMediaStreams(this IEndpointRouteBuilder app)
    {
        app.Map($"{VoiceWebhooks.StreamPath}/{{brokerageId}}/{{callSid}}/{{token}}", AcceptAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task AcceptAsync(
        HttpContext context, string brokerageId, string callSid, string token, IOptions<TwilioOptions> twilio, IGrainFactory grains,
        ITranscriber transcriber, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MediaStreamEndpoint));
        if (!GrainKeys.IsValidBrokerageId(brokerageId) || !TwilioSid.IsValid(callSid, "CA")
            || !VoiceStreamToken.IsValid(twilio.Value.AuthToken, brokerageId, callSid, token))
        {
            LogRefused(logger, callSid, "bad token");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // Twilio signs the upgrade request too (over the stream URL it was given, with no parameters): the token says
        // the hub started this stream, the signature that Twilio is the one connecting.
        var streamUrl = VoiceWebhooks.StreamUrl(context.Request, twilio.Value.PublicBaseUrl, context.Request.Path);
        if (!TwilioSignature.IsValid(twilio.Value.AuthToken, streamUrl.ToString(), [], context.Request.Headers[TwilioSignature.HeaderName].ToString()))
        {
            LogRefused(logger, callSid, "bad signature");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("A Twilio Media Stream is a WebSocket.", context.RequestAborted);
            return;
        }

        var session = grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(brokerageId, callSid));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var ending = await StreamAsync(socket, session, callSid, transcriber, logger, context.RequestAborted);
        if (ending is not null)
        {
            await session.EndAsync(ending);
        }
    }

    /// <summary>Runs the stream; returns why the call ended, or <c>null</c> when this stream was refused.</summary>
    private static async Task<string?> StreamAsync(
        WebSocket socket, IVoiceSessionGrain session, string callSid, ITranscriber transcriber, ILogger logger, CancellationToken cancellationToken)
    {
        LiveCallTranscriber? live = null;
        try
        {
            await foreach (var message in MediaStreamSocket.ReadAsync(socket, cancellationToken: cancellationToken))
            {
                switch (message)
                {
                    case MediaStreamStart start when live is null:
                        if (start.CallSid != callSid || !await session.AttachStreamAsync(start.StreamSid, Problem(transcriber)))
                        {
                            LogRefused(logger, callSid, "not expecting this stream");
                            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "This stream was not started by the hub.");
                            return null;
                        }

                        live = new LiveCallTranscriber(session, transcriber, logger);
                        break;
                    case MediaStreamMedia media when live is not null && media.Track is "inbound" or "inbound_track":
                        live.AddMuLaw(media.Payload.Span);
                        break;
                    case MediaStreamStop when live is not null:
                        await live.CompleteAsync();
                        await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "Stream stopped.");
                        return "The call ended.";
                }
            }

            if (live is not null)
            {
                await live.CompleteAsync();
            }

            return live is null ? null : "The caller hung up.";
        }
        catch (MediaStreamProtocolException ex)
        {
            LogProtocol(logger, ex, callSid);
            await CloseAsync(socket, WebSocketCloseStatus.ProtocolError, "Malformed Media Stream message.");
            return live is null ? null : "The call's audio stream broke (malformed message).";
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            return live is null ? null : "The call's audio stream broke.";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The call still ends, with its reason, and the transcript so far stays on the lead's timeline.
            LogBroke(logger, ex, callSid);
            return live is null ? null : "The call's transcript stopped after an error on the hub.";
        }
        finally
        {
            if (live is not null)
            {
                await live.DisposeAsync();
            }
        }
    }

    private static string? Problem(ITranscriber transcriber) =>
        transcriber.Health is { IsReady: false } health ? $"Transcription unavailable: {health.Problem} {health.Fix}".Trim() : null;

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(status, reason, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The other side went away first; nothing is left to tell it.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream for call {CallSid} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string callSid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media stream for call {CallSid} failed on the hub")]
    private static partial void LogBroke(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream for call {CallSid} sent a malformed message")]
    private static partial void LogProtocol(ILogger logger, Exception exception, string callSid);
}
