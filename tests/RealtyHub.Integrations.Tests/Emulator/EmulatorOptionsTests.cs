using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealtyHub.TwilioEmulator;

namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>The emulator refuses settings it could not work with, naming each one.</summary>
public sealed class EmulatorOptionsTests
{
    [Fact]
    public void Relative_voice_urls_fail_validation_naming_the_settings()
    {
        using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddTwilioEmulator(o =>
            {
                o.AccountSid = "AC" + new string('1', 32);
                o.AuthToken = "token";
                o.VoiceWebhookUrl = new Uri("/webhooks/twilio/voice", UriKind.Relative);
                o.VoiceStatusCallbackUrl = new Uri("/webhooks/twilio/voice/status", UriKind.Relative);
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwilioEmulatorOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("TwilioEmulator:VoiceWebhookUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("TwilioEmulator:VoiceStatusCallbackUrl", StringComparison.Ordinal));
    }
}
