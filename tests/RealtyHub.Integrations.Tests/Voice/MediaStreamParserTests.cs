using RealtyHub.Integrations.Twilio.Voice;
using static RealtyHub.Integrations.Tests.Voice.MediaStreamSamples;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class MediaStreamParserTests
{
    [Fact]
    public void Connected_message_gives_protocol_and_version()
    {
        var connected = Assert.IsType<MediaStreamConnected>(MediaStreamParser.Parse(Utf8(Connected)));

        Assert.Equal("Call", connected.Protocol);
        Assert.Equal("1.0.0", connected.Version);
    }

    [Fact]
    public void Start_message_gives_call_tracks_format_and_custom_parameters()
    {
        var start = Assert.IsType<MediaStreamStart>(MediaStreamParser.Parse(Utf8(Start)));

        Assert.Equal(1, start.SequenceNumber);
        Assert.Equal(StreamSid, start.StreamSid);
        Assert.Equal(AccountSid, start.AccountSid);
        Assert.Equal(CallSid, start.CallSid);
        Assert.Equal(["inbound"], start.Tracks);
        Assert.Equal("L-42", start.CustomParameters["lead"]);
        Assert.Equal("a&b \"quoted\"", start.CustomParameters["agent"]);
        Assert.Equal(MediaStreamFormat.MuLaw8000, start.MediaFormat);
    }

    [Fact]
    public void Media_message_decodes_string_counters_and_Base64_payload()
    {
        var media = Assert.IsType<MediaStreamMedia>(MediaStreamParser.Parse(Utf8(Media)));

        Assert.Equal(3, media.SequenceNumber);
        Assert.Equal("inbound", media.Track);
        Assert.Equal(1, media.Chunk);
        Assert.Equal(5, media.Timestamp);
        Assert.Equal(new byte[] { 0xFF, 0x7F, 0x00 }, media.Payload.ToArray());
        Assert.Equal(StreamSid, media.StreamSid);
    }

    [Fact]
    public void Mark_dtmf_and_stop_messages_parse_to_their_types()
    {
        var mark = Assert.IsType<MediaStreamMark>(MediaStreamParser.Parse(Utf8(Mark)));
        var dtmf = Assert.IsType<MediaStreamDtmf>(MediaStreamParser.Parse(Utf8(Dtmf)));
        var stop = Assert.IsType<MediaStreamStop>(MediaStreamParser.Parse(Utf8(Stop)));

        Assert.Equal(("greeting-done", 4L), (mark.Name, mark.SequenceNumber!.Value));
        Assert.Equal(("inbound_track", "1", 5L), (dtmf.Track, dtmf.Digit, dtmf.SequenceNumber));
        Assert.Equal((6L, AccountSid, CallSid), (stop.SequenceNumber, stop.AccountSid, stop.CallSid));
    }

    [Fact]
    public void Hub_to_Twilio_clear_and_media_parse_without_sequence_numbers()
    {
        var clear = Assert.IsType<MediaStreamClear>(MediaStreamParser.Parse(Utf8(Clear)));
        var media = Assert.IsType<MediaStreamOutboundMedia>(MediaStreamParser.Parse(Utf8(OutboundMedia)));

        Assert.Equal(StreamSid, clear.StreamSid);
        Assert.Equal(new byte[] { 0xFF, 0x7F, 0x00 }, media.Payload.ToArray());
    }

    [Fact]
    public void Counters_sent_as_JSON_numbers_are_accepted_too()
    {
        var json = Media.Replace("\"sequenceNumber\":\"3\"", "\"sequenceNumber\":3", StringComparison.Ordinal)
            .Replace("\"chunk\":\"1\"", "\"chunk\":7", StringComparison.Ordinal);

        var media = Assert.IsType<MediaStreamMedia>(MediaStreamParser.Parse(Utf8(json)));

        Assert.Equal((3L, 7L), (media.SequenceNumber, media.Chunk));
    }

    [Theory]
    [InlineData("""{"event":"ringing"}""", "Unknown Media Stream event 'ringing'")]
    [InlineData("""{"protocol":"Call"}""", "needs an \"event\" string")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("""{"event":"media",""", "not valid JSON")]
    [InlineData("""{"event":"connected","protocol":"Call","version":"1.0.0"} {}""", "not valid JSON")]
    [InlineData("""{"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"AAAA"}}""", "streamSid is missing")]
    [InlineData("""{"event":"media","sequenceNumber":"3","streamSid":"MZ12","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"AAAA"}}""", "streamSid 'MZ12' is not a Twilio SID")]
    [InlineData("""{"event":"media","sequenceNumber":"3","streamSid":"MZ0123456789abcdef0123456789abcdef","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"not base64!"}}""", "media.payload is not valid Base64")]
    [InlineData("""{"event":"media","sequenceNumber":"3","streamSid":"MZ0123456789abcdef0123456789abcdef","media":{"track":"inbound","chunk":"one","timestamp":"5","payload":"AAAA"}}""", "media.chunk must be a whole number")]
    [InlineData("""{"event":"media","sequenceNumber":"-3","streamSid":"MZ0123456789abcdef0123456789abcdef","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"AAAA"}}""", "sequenceNumber must be a whole number")]
    [InlineData("""{"event":"media","sequenceNumber":"3","streamSid":"MZ0123456789abcdef0123456789abcdef","media":"AAAA"}""", "media must be an object")]
    [InlineData("""{"event":"mark","streamSid":"MZ0123456789abcdef0123456789abcdef","mark":{}}""", "mark.name is missing")]
    [InlineData("""{"event":"dtmf","sequenceNumber":"5","streamSid":"MZ0123456789abcdef0123456789abcdef","dtmf":{"track":"inbound_track","digit":"12"}}""", "'12' is not a phone key")]
    [InlineData("""{"event":"stop","sequenceNumber":"6","streamSid":"MZ0123456789abcdef0123456789abcdef","stop":{"accountSid":"AC0123456789abcdef0123456789abcdef"}}""", "stop.callSid is missing")]
    public void Malformed_message_throws_a_protocol_exception_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<MediaStreamProtocolException>(() => MediaStreamParser.Parse(Utf8(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audio/x-mulaw", 16000, 1, "at 16000 Hz")]
    [InlineData("audio/l16", 8000, 1, "audio/l16")]
    [InlineData("audio/x-mulaw", 8000, 2, "2 channel(s)")]
    public void Start_with_a_format_other_than_8_kHz_mono_mu_law_is_refused(string encoding, int sampleRate, int channels, string expected)
    {
        var json = Start.Replace(
            "\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1",
            $"\"encoding\":\"{encoding}\",\"sampleRate\":{sampleRate},\"channels\":{channels}",
            StringComparison.Ordinal);

        var error = Assert.Throws<MediaStreamProtocolException>(() => MediaStreamParser.Parse(Utf8(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'start'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_without_mediaFormat_is_refused()
    {
        var json = Start.Replace(
            ",\n\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("mediaFormat", json, StringComparison.Ordinal);

        var error = Assert.Throws<MediaStreamProtocolException>(() => MediaStreamParser.Parse(Utf8(json)));

        Assert.Contains("start.mediaFormat is missing", error.Message, StringComparison.Ordinal);
    }
}
