using System.Text;
using System.Text.Json;
using RealtyHub.Integrations.Twilio.Voice;
using static RealtyHub.Integrations.Tests.Voice.MediaStreamSamples;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class MediaStreamSerializerTests
{
    [Fact]
    public void Hub_mark_and_clear_serialise_exactly_as_Twilio_documents_them()
    {
        Assert.Equal(
            """{"event":"mark","streamSid":"MZ0123456789abcdef0123456789abcdef","mark":{"name":"reply-1"}}""",
            Text(new MediaStreamMark(StreamSid, "reply-1")));
        Assert.Equal(
            """{"event":"clear","streamSid":"MZ0123456789abcdef0123456789abcdef"}""",
            Text(new MediaStreamClear(StreamSid)));
    }

    [Fact]
    public void Media_counters_are_strings_and_the_payload_is_Base64()
    {
        using var json = JsonDocument.Parse(MediaStreamSerializer.Serialize(
            new MediaStreamMedia(12, StreamSid, "inbound", 11, 200, new byte[] { 0xFF, 0x7F, 0x00 })));

        var root = json.RootElement;
        Assert.Equal("12", root.GetProperty("sequenceNumber").GetString());
        Assert.Equal("11", root.GetProperty("media").GetProperty("chunk").GetString());
        Assert.Equal("200", root.GetProperty("media").GetProperty("timestamp").GetString());
        Assert.Equal("/38A", root.GetProperty("media").GetProperty("payload").GetString());
    }

    [Fact]
    public void Start_writes_sample_rate_and_channels_as_numbers_and_parameters_as_an_object()
    {
        var start = new MediaStreamStart(1, StreamSid, AccountSid, CallSid, ["inbound"], new Dictionary<string, string> { ["lead"] = "L-42" }, MediaStreamFormat.MuLaw8000);

        using var json = JsonDocument.Parse(MediaStreamSerializer.Serialize(start));

        var format = json.RootElement.GetProperty("start").GetProperty("mediaFormat");
        Assert.Equal(JsonValueKind.Number, format.GetProperty("sampleRate").ValueKind);
        Assert.Equal(8000, format.GetProperty("sampleRate").GetInt32());
        Assert.Equal("L-42", json.RootElement.GetProperty("start").GetProperty("customParameters").GetProperty("lead").GetString());
        Assert.Equal(StreamSid, json.RootElement.GetProperty("streamSid").GetString());
    }

    [Theory]
    [InlineData(Connected)]
    [InlineData(Start)]
    [InlineData(Media)]
    [InlineData(Mark)]
    [InlineData(Dtmf)]
    [InlineData(Stop)]
    [InlineData(Clear)]
    [InlineData(OutboundMedia)]
    public void Every_Twilio_sample_survives_parse_serialise_parse(string sample)
    {
        var first = MediaStreamParser.Parse(Utf8(sample));

        var again = MediaStreamParser.Parse(MediaStreamSerializer.Serialize(first));

        Assert.Equal(first.GetType(), again.GetType());
        Assert.Equal(Text(first), Text(again));
        Assert.Equal(Normalised(sample), Normalised(Text(again)));
    }

    private static string Text(MediaStreamMessage message) => Encoding.UTF8.GetString(MediaStreamSerializer.Serialize(message));

    // Compares documents regardless of property order and whitespace: property names sorted, recursively.
    private static string Normalised(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Normalised(document.RootElement);
    }

    private static string Normalised(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + ":" + Normalised(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Normalised)) + "]",
        JsonValueKind.String => "\"" + element.GetString() + "\"",
        _ => element.GetRawText(),
    };
}
