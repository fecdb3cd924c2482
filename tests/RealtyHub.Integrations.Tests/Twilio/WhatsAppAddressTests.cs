using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

public sealed class WhatsAppAddressTests
{
    [Theory]
    [InlineData("whatsapp:+971501234567", "+971501234567")]
    [InlineData("whatsapp:+14155238886", "+14155238886")]
    [InlineData("whatsapp:+12345678", "+12345678")]
    [InlineData("whatsapp:+123456789012345", "+123456789012345")]
    public void Parses_whatsapp_E164_addresses(string text, string e164)
    {
        var address = WhatsAppAddress.Parse(text);

        Assert.Equal(e164, address.E164);
        Assert.Equal(text, address.ToString());
        Assert.Equal(e164[1..], address.WaId);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("+971501234567", "must start with 'whatsapp:'")]
    [InlineData("WhatsApp:+971501234567", "must start with 'whatsapp:'")]
    [InlineData("whatsapp:971501234567", "must start with '+'")]
    [InlineData("whatsapp:+1234567", "8 to 15 digits")]
    [InlineData("whatsapp:+1234567890123456", "8 to 15 digits")]
    [InlineData("whatsapp:+0971501234567", "cannot start with 0")]
    [InlineData("whatsapp:+97150 123456", "only digits")]
    [InlineData("whatsapp:+9715O1234567", "only digits")]
    public void Rejects_bad_input_with_a_reason(string? text, string reason)
    {
        Assert.False(WhatsAppAddress.TryParse(text, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(reason, error, StringComparison.Ordinal);

        var exception = Assert.Throws<FormatException>(() => WhatsAppAddress.Parse(text));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void From_E164_and_parse_give_equal_addresses()
    {
        Assert.Equal(WhatsAppAddress.FromE164("+971501234567"), WhatsAppAddress.Parse("whatsapp:+971501234567"));
    }
}
