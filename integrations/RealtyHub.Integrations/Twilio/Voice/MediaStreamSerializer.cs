// Twilio's SDK is not on our package mirror: our own writer of its Media Streams messages.
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Writes a <see cref="MediaStreamMessage"/> as Twilio's UTF-8 JSON, field for field: counters as strings
/// (<c>"sequenceNumber":"2"</c>, <c>"chunk"</c>, <c>"timestamp"</c>), the sample rate and channels as numbers.
/// </summary>
public static class MediaStreamSerializer
{
    // HTML-safe escaping (\u002B for '+') only bloats Base64 payloads; these messages never reach a browser as HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message as UTF-8 JSON.</summary>
    public static byte[] Serialize(MediaStreamMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("event", message.EventName);
            Write(json, message);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, MediaStreamMessage message)
    {
        switch (message)
        {
            case MediaStreamConnected connected:
                json.WriteString("protocol", connected.Protocol);
                json.WriteString("version", connected.Version);
                break;
            case MediaStreamStart start:
                WriteStart(json, start);
                break;
            case MediaStreamMedia media:
                WriteSequence(json, media.SequenceNumber);
                json.WriteStartObject("media");
                json.WriteString("track", media.Track);
                json.WriteString("chunk", Text(media.Chunk));
                json.WriteString("timestamp", Text(media.Timestamp));
                json.WriteBase64String("payload", media.Payload.Span);
                json.WriteEndObject();
                json.WriteString("streamSid", media.StreamSid);
                break;
            case MediaStreamOutboundMedia outbound:
                json.WriteString("streamSid", outbound.StreamSid);
                json.WriteStartObject("media");
                json.WriteBase64String("payload", outbound.Payload.Span);
                json.WriteEndObject();
                break;
            case MediaStreamMark mark:
                if (mark.SequenceNumber is { } sequenceNumber)
                {
                    WriteSequence(json, sequenceNumber);
                }

                json.WriteString("streamSid", mark.StreamSid);
                json.WriteStartObject("mark");
                json.WriteString("name", mark.Name);
                json.WriteEndObject();
                break;
            case MediaStreamDtmf dtmf:
                json.WriteString("streamSid", dtmf.StreamSid);
                WriteSequence(json, dtmf.SequenceNumber);
                json.WriteStartObject("dtmf");
                json.WriteString("track", dtmf.Track);
                json.WriteString("digit", dtmf.Digit);
                json.WriteEndObject();
                break;
            case MediaStreamStop stop:
                WriteSequence(json, stop.SequenceNumber);
                json.WriteString("streamSid", stop.StreamSid);
                json.WriteStartObject("stop");
                json.WriteString("accountSid", stop.AccountSid);
                json.WriteString("callSid", stop.CallSid);
                json.WriteEndObject();
                break;
            case MediaStreamClear clear:
                json.WriteString("streamSid", clear.StreamSid);
                break;
            default:
                throw new ArgumentException($"{message.GetType().Name} is not a Media Stream message this serializer knows.", nameof(message));
        }
    }

    private static void WriteStart(Utf8JsonWriter json, MediaStreamStart start)
    {
        WriteSequence(json, start.SequenceNumber);
        json.WriteStartObject("start");
        json.WriteString("accountSid", start.AccountSid);
        json.WriteString("streamSid", start.StreamSid);
        json.WriteString("callSid", start.CallSid);
        json.WriteStartArray("tracks");
        foreach (var track in start.Tracks)
        {
            json.WriteStringValue(track);
        }

        json.WriteEndArray();
        json.WriteStartObject("customParameters");
        foreach (var (name, value) in start.CustomParameters)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("mediaFormat");
        json.WriteString("encoding", start.MediaFormat.Encoding);
        json.WriteNumber("sampleRate", start.MediaFormat.SampleRate);
        json.WriteNumber("channels", start.MediaFormat.Channels);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("streamSid", start.StreamSid);
    }

    private static void WriteSequence(Utf8JsonWriter json, long sequenceNumber) => json.WriteString("sequenceNumber", Text(sequenceNumber));

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
