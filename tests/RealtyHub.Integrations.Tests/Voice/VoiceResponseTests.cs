using System.Xml.Linq;
using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class VoiceResponseTests
{
    [Fact]
    public void Say_then_connect_stream_is_well_formed_TwiML_with_parameters()
    {
        var xml = new VoiceResponse()
            .Say("Connecting you to an agent.", voice: "Polly.Joanna", language: "en-GB")
            .ConnectStream(new Uri("wss://hub.example.com/voice/stream"), [new("lead", "L-42"), new("brokerage", "b1")], name: "live")
            .ToXml();

        Assert.StartsWith("""<?xml version="1.0" encoding="UTF-8"?><Response>""", xml, StringComparison.Ordinal);
        var response = XDocument.Parse(xml).Root!;
        Assert.Equal(["Say", "Connect"], response.Elements().Select(e => e.Name.LocalName));
        var say = response.Element("Say")!;
        Assert.Equal(("Connecting you to an agent.", "Polly.Joanna", "en-GB"), (say.Value, (string?)say.Attribute("voice"), (string?)say.Attribute("language")));
        var stream = response.Element("Connect")!.Element("Stream")!;
        Assert.Equal("wss://hub.example.com/voice/stream", (string?)stream.Attribute("url"));
        Assert.Equal("live", (string?)stream.Attribute("name"));
        Assert.Equal(
            [("lead", "L-42"), ("brokerage", "b1")],
            stream.Elements("Parameter").Select(p => ((string)p.Attribute("name")!, (string)p.Attribute("value")!)));
    }

    [Fact]
    public void Markup_in_text_and_parameters_is_escaped_and_reads_back_unchanged()
    {
        const string Text = "Tom & Jerry's <b>\"villa\"</b>";

        var xml = new VoiceResponse()
            .Say(Text)
            .ConnectStream(new Uri("wss://hub.example.com/s"), [new("note", Text)])
            .ToXml();

        Assert.DoesNotContain("<b>", xml, StringComparison.Ordinal);
        var response = XDocument.Parse(xml).Root!;
        Assert.Equal(Text, response.Element("Say")!.Value);
        Assert.Equal(Text, (string?)response.Descendants("Parameter").Single().Attribute("value"));
    }

    [Theory]
    [InlineData(TwilioRejectReason.Rejected, null)]
    [InlineData(TwilioRejectReason.Busy, "busy")]
    public void Reject_writes_the_reason_only_when_it_is_not_the_default(TwilioRejectReason reason, string? expected)
    {
        var reject = XDocument.Parse(new VoiceResponse().Reject(reason).ToXml()).Root!.Elements().Single();

        Assert.Equal("Reject", reject.Name.LocalName);
        Assert.Equal(expected, (string?)reject.Attribute("reason"));
    }

    [Fact]
    public void Hangup_is_an_empty_verb_and_nothing_may_follow_it()
    {
        var response = new VoiceResponse().Say("Goodbye").Hangup();

        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye</Say><Hangup /></Response>""", response.ToXml());
        var error = Assert.Throws<InvalidOperationException>(() => response.Say("Too late"));
        Assert.Contains("already ends with <Hangup>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hub.example.com/stream", "must be an absolute wss://")]
    [InlineData("wss://hub.example.com/stream?lead=1", "query string")]
    public void Stream_url_that_Twilio_would_not_use_is_refused(string url, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new VoiceResponse().ConnectStream(new Uri(url)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_stream_parameter_names_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new VoiceResponse().ConnectStream(new Uri("wss://hub.example.com/s"), [new("lead", "1"), new("lead", "2")]));

        Assert.Contains("'lead'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_character_XML_cannot_carry_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new VoiceResponse().Say("bell\u0007"));

        Assert.Contains("character XML cannot carry", error.Message, StringComparison.Ordinal);
        Assert.Equal("text", error.ParamName);
    }
}
