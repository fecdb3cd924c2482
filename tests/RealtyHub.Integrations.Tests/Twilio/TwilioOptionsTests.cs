using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

public sealed class TwilioOptionsTests
{
    [Fact]
    public void Binds_from_configuration_with_Twilio_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = TwilioForms.AccountSid,
                ["Twilio:AuthToken"] = "secret",
            })
            .Build();
        using var services = new ServiceCollection().AddTwilioMessaging(configuration.GetSection(TwilioOptions.SectionName)).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<TwilioOptions>>().Value;

        Assert.Equal(TwilioForms.AccountSid, options.AccountSid);
        Assert.Equal("secret", options.AuthToken);
        Assert.Equal(new Uri("https://api.twilio.com"), options.ApiBaseUrl);
        Assert.Equal(16 * 1024 * 1024, options.MaxMediaBytes);
        Assert.NotNull(services.GetRequiredService<TwilioMessagingClient>());
        Assert.NotNull(services.GetRequiredService<TwilioMediaClient>());
    }

    [Fact]
    public void Missing_credentials_fail_validation_naming_the_settings()
    {
        using var services = new ServiceCollection().AddTwilioMessaging(o => o.AccountSid = "not-a-sid").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwilioOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Twilio:AccountSid", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Twilio:AuthToken", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "http://10.0.0.5:8080/webhooks/twilio/inbound?x=1", "http://10.0.0.5:8080/webhooks/twilio/inbound?x=1")]
    [InlineData("https://hub.example.com", "http://10.0.0.5:8080/webhooks/twilio/inbound?x=1", "https://hub.example.com/webhooks/twilio/inbound?x=1")]
    [InlineData("https://example.com/realty/", "http://localhost:5000/webhooks/in", "https://example.com/realty/webhooks/in")]
    public void Webhook_url_uses_the_public_base_behind_a_proxy(string? publicBase, string requestUrl, string expected)
    {
        var publicBaseUrl = publicBase is null ? null : new Uri(publicBase);

        Assert.Equal(expected, TwilioWebhookUrl.Resolve(publicBaseUrl, requestUrl));
    }
}
