using System.Text;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>Media Stream messages verbatim as Twilio's documentation shows them, with our test SIDs.</summary>
internal static class MediaStreamSamples
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string CallSid = "CA0123456789abcdef0123456789abcdef";
    public const string StreamSid = "MZ0123456789abcdef0123456789abcdef";

    public const string Connected = """{"event":"connected","protocol":"Call","version":"1.0.0"}""";

    public const string Start = """
        {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC0123456789abcdef0123456789abcdef",
        "streamSid":"MZ0123456789abcdef0123456789abcdef","callSid":"CA0123456789abcdef0123456789abcdef",
        "tracks":["inbound"],"customParameters":{"lead":"L-42","agent":"a&b \"quoted\""},
        "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}},
        "streamSid":"MZ0123456789abcdef0123456789abcdef"}
        """;

    // Payload "/38A" is the three mu-law bytes 0xFF 0x7F 0x00.
    public const string Media = """
        {"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5","payload":"/38A"},
        "streamSid":"MZ0123456789abcdef0123456789abcdef"}
        """;

    public const string Mark = """{"event":"mark","sequenceNumber":"4","streamSid":"MZ0123456789abcdef0123456789abcdef","mark":{"name":"greeting-done"}}""";

    public const string Dtmf = """
        {"event":"dtmf","streamSid":"MZ0123456789abcdef0123456789abcdef","sequenceNumber":"5",
        "dtmf":{"track":"inbound_track","digit":"1"}}
        """;

    public const string Stop = """
        {"event":"stop","sequenceNumber":"6","streamSid":"MZ0123456789abcdef0123456789abcdef",
        "stop":{"accountSid":"AC0123456789abcdef0123456789abcdef","callSid":"CA0123456789abcdef0123456789abcdef"}}
        """;

    public const string Clear = """{"event":"clear","streamSid":"MZ0123456789abcdef0123456789abcdef"}""";

    public const string OutboundMedia = """{"event":"media","streamSid":"MZ0123456789abcdef0123456789abcdef","media":{"payload":"/38A"}}""";

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
