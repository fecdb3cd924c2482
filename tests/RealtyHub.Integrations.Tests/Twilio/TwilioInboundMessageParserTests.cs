using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

public sealed class TwilioInboundMessageParserTests
{
    [Fact]
    public void Parses_a_text_message()
    {
        var result = TwilioInboundMessageParser.Parse(TwilioForms.Inbound());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var message = result.Value;
        Assert.Equal(TwilioForms.MessageSid, message.MessageSid);
        Assert.Equal(TwilioForms.AccountSid, message.AccountSid);
        Assert.Equal("+971501234567", message.From.E164);
        Assert.Equal("+97140000001", message.To.E164);
        Assert.Equal("Is the marina flat still available?", message.Body);
        Assert.Equal("Sara", message.ProfileName);
        Assert.Equal("971501234567", message.WaId);
        Assert.Empty(message.Media);
        Assert.Equal(1, message.NumSegments);
        Assert.Null(message.MessagingServiceSid);
    }

    [Fact]
    public void Parses_media_in_index_order()
    {
        var form = TwilioForms.Inbound();
        form["MessageSid"] = "MM0123456789abcdef0123456789abcdef";
        form["Body"] = string.Empty;
        form["NumMedia"] = "2";
        form["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
        form["MediaContentType0"] = "image/jpeg";
        form["MediaUrl1"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2";
        form["MediaContentType1"] = "application/pdf";

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(string.Empty, result.Value.Body);
        Assert.Collection(
            result.Value.Media,
            m => Assert.Equal(("ME1", "image/jpeg"), (m.Url.Segments[^1], m.ContentType)),
            m => Assert.Equal(("ME2", "application/pdf"), (m.Url.Segments[^1], m.ContentType)));
    }

    [Fact]
    public void Lists_every_problem_of_a_bad_form()
    {
        var form = TwilioForms.Inbound();
        form.Remove("MessageSid");
        form["From"] = "+971501234567";
        form["To"] = "whatsapp:12345";
        form.Remove("Body");

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Contains("MessageSid is required.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("From:", StringComparison.Ordinal) && e.Contains("whatsapp:", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("To:", StringComparison.Ordinal) && e.Contains("'+'", StringComparison.Ordinal));
        Assert.Contains("Body is required (it may be empty).", result.Errors);
    }

    [Fact]
    public void NumMedia_larger_than_the_media_sent_is_rejected()
    {
        var form = TwilioForms.Inbound();
        form["NumMedia"] = "2";
        form["MediaUrl0"] = "https://api.twilio.com/m/ME1";
        form["MediaContentType0"] = "image/png";

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.Equal(["MediaUrl1 is required.", "MediaContentType1 is required."], result.Errors);
    }

    [Fact]
    public void Media_beyond_NumMedia_is_rejected()
    {
        var form = TwilioForms.Inbound();
        form["MediaUrl0"] = "https://api.twilio.com/m/ME1";

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.Equal(["NumMedia is 0 but MediaUrl0 is present."], result.Errors);
    }

    [Theory]
    [InlineData("MessageSid", "XX0123456789abcdef0123456789abcdef", "MessageSid 'XX0123456789abcdef0123456789abcdef' is not a Twilio SID")]
    [InlineData("AccountSid", "AC123", "AccountSid 'AC123' is not a Twilio SID")]
    [InlineData("NumMedia", "eleven", "NumMedia 'eleven' is not a whole number between 0 and 10.")]
    [InlineData("NumMedia", "11", "NumMedia '11' is not a whole number between 0 and 10.")]
    [InlineData("WaId", "971500000000", "WaId '971500000000' does not match From 'whatsapp:+971501234567'.")]
    [InlineData("MessagingServiceSid", "MG1", "MessagingServiceSid 'MG1' is not a Twilio SID")]
    public void Malformed_fields_are_reported(string field, string value, string error)
    {
        var form = TwilioForms.Inbound();
        form[field] = value;

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Media_url_must_be_absolute_http()
    {
        var form = TwilioForms.Inbound();
        form["NumMedia"] = "1";
        form["MediaUrl0"] = "file:///etc/passwd";
        form["MediaContentType0"] = "text/plain";

        var result = TwilioInboundMessageParser.Parse(form);

        Assert.Equal(["MediaUrl0 'file:///etc/passwd' is not an absolute http(s) URL."], result.Errors);
    }
}
