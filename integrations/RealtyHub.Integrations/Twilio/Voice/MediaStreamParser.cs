// Twilio's SDK is not on our package mirror: our own reader of its Media Streams messages.
using System.Text.Json;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Reads one Media Stream WebSocket message (UTF-8 JSON) into its typed <see cref="MediaStreamMessage"/>
/// (https://www.twilio.com/docs/voice/media-streams/websocket-messages). Unknown properties are ignored, as Twilio
/// may add some; anything that breaks the protocol throws <see cref="MediaStreamProtocolException"/>.
/// </summary>
public static class MediaStreamParser
{
    /// <summary>Parses the message.</summary>
    /// <exception cref="MediaStreamProtocolException">Not JSON, not an object, unknown event, missing or malformed field, bad Base64, unsupported media format.</exception>
    public static MediaStreamMessage Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new MediaStreamProtocolException("A Media Stream message must be exactly one JSON object; there is more after it.");
            }

            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new MediaStreamProtocolException($"A Media Stream message is not valid JSON: {ex.Message}", ex);
        }
    }

    private static MediaStreamMessage Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MediaStreamProtocolException($"A Media Stream message must be a JSON object, not {root.ValueKind}.");
        }

        if (!root.TryGetProperty("event", out var eventElement) || eventElement.ValueKind != JsonValueKind.String)
        {
            throw new MediaStreamProtocolException("A Media Stream message needs an \"event\" string.");
        }

        var eventName = eventElement.GetString()!;
        var message = new MediaStreamJsonObject(root, eventName, string.Empty);
        return eventName switch
        {
            MediaStreamEvents.Connected => new MediaStreamConnected(message.String("protocol"), message.String("version")),
            MediaStreamEvents.Start => ParseStart(message),
            MediaStreamEvents.Media => ParseMedia(message),
            MediaStreamEvents.Mark => new MediaStreamMark(
                message.Sid("streamSid", "MZ"), message.Object("mark").String("name"), message.OptionalNumber("sequenceNumber", 1)),
            MediaStreamEvents.Dtmf => ParseDtmf(message),
            MediaStreamEvents.Stop => ParseStop(message),
            MediaStreamEvents.Clear => new MediaStreamClear(message.Sid("streamSid", "MZ")),
            _ => throw new MediaStreamProtocolException(
                $"Unknown Media Stream event '{eventName}' (expected connected, start, media, mark, dtmf, stop or clear)."),
        };
    }

    private static MediaStreamStart ParseStart(MediaStreamJsonObject message)
    {
        var sequenceNumber = message.Number("sequenceNumber", 1);
        var streamSid = message.Sid("streamSid", "MZ");
        var start = message.Object("start");
        var innerStreamSid = start.OptionalString("streamSid");
        if (innerStreamSid is not null && innerStreamSid != streamSid)
        {
            throw start.Error($"start.streamSid '{innerStreamSid}' differs from streamSid '{streamSid}'.");
        }

        var format = start.Object("mediaFormat");
        var mediaFormat = new MediaStreamFormat(
            format.String("encoding"), (int)Math.Min(format.Number("sampleRate", 1), int.MaxValue), (int)Math.Min(format.Number("channels", 1), int.MaxValue));
        if (mediaFormat != MediaStreamFormat.MuLaw8000)
        {
            throw message.Error(
                $"start.mediaFormat is {mediaFormat.Encoding} at {mediaFormat.SampleRate} Hz with {mediaFormat.Channels} channel(s); " +
                $"Twilio streams {MediaStreamFormat.MuLaw8000.Encoding} at {MediaStreamFormat.MuLaw8000.SampleRate} Hz with 1 channel.");
        }

        return new MediaStreamStart(
            sequenceNumber, streamSid, start.Sid("accountSid", "AC"), start.Sid("callSid", "CA"),
            start.Has("tracks") ? start.Strings("tracks") : ["inbound"], start.StringMap("customParameters"), mediaFormat);
    }

    private static MediaStreamMessage ParseMedia(MediaStreamJsonObject message)
    {
        var streamSid = message.Sid("streamSid", "MZ");
        var media = message.Object("media");
        if (!message.Has("sequenceNumber"))
        {
            // Only the hub's audio to Twilio has no sequence number; it carries the payload alone.
            return new MediaStreamOutboundMedia(streamSid, media.Base64("payload"));
        }

        return new MediaStreamMedia(
            message.Number("sequenceNumber", 1), streamSid, media.String("track"), media.Number("chunk", 1),
            media.Number("timestamp", 0), media.Base64("payload"));
    }

    private static MediaStreamDtmf ParseDtmf(MediaStreamJsonObject message)
    {
        var dtmf = message.Object("dtmf");
        var digit = dtmf.String("digit");
        if (digit.Length != 1 || !"0123456789*#ABCD".Contains(digit[0], StringComparison.Ordinal))
        {
            throw message.Error($"dtmf.digit '{digit}' is not a phone key (0-9, *, #, A-D).");
        }

        return new MediaStreamDtmf(message.Number("sequenceNumber", 1), message.Sid("streamSid", "MZ"), dtmf.String("track"), digit);
    }

    private static MediaStreamStop ParseStop(MediaStreamJsonObject message)
    {
        var stop = message.Object("stop");
        return new MediaStreamStop(
            message.Number("sequenceNumber", 1), message.Sid("streamSid", "MZ"), stop.Sid("accountSid", "AC"), stop.Sid("callSid", "CA"));
    }
}
