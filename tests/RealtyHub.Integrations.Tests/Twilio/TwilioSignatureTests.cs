using System.Security.Cryptography;
using System.Text;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    // The worked example of https://www.twilio.com/docs/usage/webhooks/webhooks-security. The expected value was
    // computed independently (Python hmac/hashlib) and matches the value the docs publish for these inputs.
    private const string DocsToken = "12345";
    private const string DocsUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string DocsSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static readonly KeyValuePair<string, string>[] DocsParams =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_reproduces_Twilio_documentation_example()
    {
        Assert.Equal(DocsSignature, TwilioSignature.Compute(DocsToken, DocsUrl, DocsParams));
        Assert.True(TwilioSignature.IsValid(DocsToken, DocsUrl, DocsParams, DocsSignature));
    }

    [Fact]
    public void Parameter_order_in_the_form_does_not_matter()
    {
        var shuffled = DocsParams.Reverse().ToArray();

        Assert.Equal(DocsSignature, TwilioSignature.Compute(DocsToken, DocsUrl, shuffled));
    }

    [Fact]
    public void Names_sort_ordinally_and_repeated_names_keep_their_value_order()
    {
        KeyValuePair<string, string>[] form = [new("a", "x"), new("MediaUrl", "2"), new("B", "y"), new("MediaUrl", "1")];
        var expected = Convert.ToBase64String(HmacSha1("token", "https://h/pBy" + "MediaUrl2MediaUrl1" + "ax"));

        Assert.Equal(expected, TwilioSignature.Compute("token", "https://h/p", form));
    }

    [Fact]
    public void Forged_parameter_value_is_rejected()
    {
        var forged = DocsParams.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p).ToArray();

        Assert.False(TwilioSignature.IsValid(DocsToken, DocsUrl, forged, DocsSignature));
    }

    [Fact]
    public void Signature_made_with_another_token_is_rejected()
    {
        var forged = TwilioSignature.Compute("not-the-token", DocsUrl, DocsParams);

        Assert.False(TwilioSignature.IsValid(DocsToken, DocsUrl, DocsParams, forged));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    public void Missing_empty_or_malformed_signature_is_rejected(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(DocsToken, DocsUrl, DocsParams, signature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/other.php?foo=1&bar=2")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void Signature_for_another_url_is_rejected(string url)
    {
        Assert.False(TwilioSignature.IsValid(DocsToken, url, DocsParams, DocsSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com/hook?x=1", "https://mycompany.com:443/hook?x=1")]
    [InlineData("https://mycompany.com:443/hook?x=1", "https://mycompany.com/hook?x=1")]
    [InlineData("http://mycompany.com/hook", "http://mycompany.com:80/hook")]
    [InlineData("http://mycompany.com:80/hook", "http://mycompany.com/hook")]
    [InlineData("https://mycompany.com/hook", "https://mycompany.com:8443/hook")]
    [InlineData("https://user:pw@mycompany.com/hook", "https://user:pw@mycompany.com:443/hook")]
    [InlineData("http://[::1]/hook", "http://[::1]:80/hook")]
    public void Default_port_may_be_explicit_on_either_side_and_a_non_default_port_may_be_dropped(string signedUrl, string requestUrl)
    {
        var signature = TwilioSignature.Compute(DocsToken, signedUrl, DocsParams);

        Assert.True(TwilioSignature.IsValid(DocsToken, requestUrl, DocsParams, signature));
    }

    [Theory]
    [InlineData("https://mycompany.com:8443/hook", "https://mycompany.com/hook")]
    [InlineData("https://mycompany.com:8443/hook", "https://mycompany.com:9443/hook")]
    [InlineData("https://mycompany.com:443/hook", "http://mycompany.com:443/hook")]
    public void Port_variants_do_not_accept_a_different_port_or_scheme(string signedUrl, string requestUrl)
    {
        var signature = TwilioSignature.Compute(DocsToken, signedUrl, DocsParams);

        Assert.False(TwilioSignature.IsValid(DocsToken, requestUrl, DocsParams, signature));
    }

    [Fact]
    public void Port_variants_leave_the_query_string_untouched()
    {
        const string signedUrl = "https://mycompany.com/hook?next=https://other:8080/x&a=%2B1";
        var signature = TwilioSignature.Compute(DocsToken, signedUrl, DocsParams);

        Assert.True(TwilioSignature.IsValid(DocsToken, "https://mycompany.com:443/hook?next=https://other:8080/x&a=%2B1", DocsParams, signature));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's protocol.")]
    private static byte[] HmacSha1(string key, string data) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data));
}
