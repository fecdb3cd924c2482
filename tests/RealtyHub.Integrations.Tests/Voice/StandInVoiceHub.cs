using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using RealtyHub.Integrations.Tests.Emulator;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>
/// Stands in for the hub's voice side: validates the incoming-call signature, answers TwiML chosen by the called number,
/// accepts Media Stream WebSockets on itself and records every message, and records status callbacks.
/// </summary>
public sealed class StandInVoiceHub(string authToken)
{
    public const string StreamNumber = "+97140000101";
    public const string BusyNumber = "+97140000102";
    public const string UnavailableNumber = "+97140000103";
    public const string HangupNumber = "+97140000104";
    public const string ClosesEarlyNumber = "+97140000105";
    public const string RefusedSocketNumber = "+97140000106";
    public const string BrokenNumber = "+97140000107";
    public const int ClosesAfterFrames = 3;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, RecordedStream> streams = new(StringComparer.Ordinal);
    private int badSignatures;

    public WebhookRecorder StatusCallbacks { get; } = new(authToken);

    public int BadSignatures => badSignatures;

    public void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/hub/voice/incoming", (Delegate)IncomingAsync);
        app.Map("/hub/voice/stream/{mode}", StreamAsync);
        app.MapPost("/hub/voice/status", (Delegate)StatusCallbacks.RecordAsync);
    }

    public bool HasStream(string callSid) => streams.ContainsKey(callSid);

    public async Task<RecordedStream> StreamEndedAsync(string callSid)
    {
        var stream = streams.GetOrAdd(callSid, _ => new RecordedStream());
        await stream.Ended.WaitAsync(Timeout);
        return stream;
    }

    private async Task<IResult> IncomingAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var fields = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        if (!TwilioSignature.IsValid(authToken, http.Request.GetEncodedUrl(), fields, http.Request.Headers[TwilioSignature.HeaderName]))
        {
            Interlocked.Increment(ref badSignatures);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var parsed = TwilioCallWebhookParser.Parse(fields);
        if (!parsed.IsValid)
        {
            return Results.Problem(string.Join("; ", parsed.Errors), statusCode: StatusCodes.Status400BadRequest);
        }

        var call = parsed.Value;
        var streams = new Uri($"ws://{http.Request.Host}/hub/voice/");
        var twiml = call.To switch
        {
            StreamNumber => new VoiceResponse().Say("Connecting you to Sara & co.")
                .ConnectStream(new Uri(streams, "stream/record"), [new("lead", "L-42"), new("caller", call.From)]),
            ClosesEarlyNumber => new VoiceResponse().ConnectStream(new Uri(streams, "stream/close-early")),
            RefusedSocketNumber => new VoiceResponse().ConnectStream(new Uri(streams, "not-a-socket")),
            BusyNumber => new VoiceResponse().Reject(TwilioRejectReason.Busy),
            UnavailableNumber => new VoiceResponse().Reject(),
            HangupNumber => new VoiceResponse().Say("We are closed.").Hangup(),
            _ => null,
        };
        return twiml is null
            ? Results.StatusCode(StatusCodes.Status500InternalServerError)
            : Results.Text(twiml.ToXml(), VoiceResponse.ContentType);
    }

    private async Task StreamAsync(HttpContext http, string mode)
    {
        if (!http.WebSockets.IsWebSocketRequest || mode is not ("record" or "close-early"))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Twilio signs the handshake over the ws(s):// URL it connected to, with no parameters.
        var url = "ws" + http.Request.GetEncodedUrl()["http".Length..];
        var signed = TwilioSignature.IsValid(authToken, url, [], http.Request.Headers[TwilioSignature.HeaderName]);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var early = new List<MediaStreamMessage>();
        RecordedStream? stream = null;
        var media = 0;
        await foreach (var message in MediaStreamSocket.ReadAsync(socket))
        {
            if (message is MediaStreamStart start)
            {
                stream = streams.GetOrAdd(start.CallSid, _ => new RecordedStream());
                stream.HandshakeSignatureValid = signed;
                early.ForEach(stream.Add);
                await MediaStreamSocket.SendAsync(socket, new MediaStreamMark(start.StreamSid, "hub-ready"));
            }

            if (stream is null)
            {
                early.Add(message);
                continue;
            }

            stream.Add(message);
            if (message is MediaStreamMedia && ++media == ClosesAfterFrames && mode == "close-early")
            {
                await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "Agent hung up", default);
                break;
            }
        }

        stream?.End();
    }
}
