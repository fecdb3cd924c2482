using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator;

/// <summary>Rejects emulator settings it could not work with.</summary>
internal sealed class TwilioEmulatorOptionsValidator : IValidateOptions<TwilioEmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioEmulatorOptions options)
    {
        var errors = new List<string>();
        if (!TwilioSid.IsValid(options.AccountSid, "AC"))
        {
            errors.Add("TwilioEmulator:AccountSid must be an account SID ('AC' followed by 32 hex digits).");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("TwilioEmulator:AuthToken is required.");
        }

        if (options.InboundWebhookUrl is { IsAbsoluteUri: false })
        {
            errors.Add("TwilioEmulator:InboundWebhookUrl must be absolute.");
        }

        if (options.VoiceWebhookUrl is { IsAbsoluteUri: false })
        {
            errors.Add("TwilioEmulator:VoiceWebhookUrl must be absolute.");
        }

        if (options.VoiceStatusCallbackUrl is { IsAbsoluteUri: false })
        {
            errors.Add("TwilioEmulator:VoiceStatusCallbackUrl must be absolute.");
        }

        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            errors.Add("TwilioEmulator:PublicBaseUrl must be absolute.");
        }

        if (options.SentDelay < TimeSpan.Zero || options.DeliveredDelay < TimeSpan.Zero || options.ReadDelay < TimeSpan.Zero)
        {
            errors.Add("TwilioEmulator delays cannot be negative.");
        }

        foreach (var number in options.UndeliverableNumbers)
        {
            if (!WhatsAppAddress.TryFromE164(number, out _, out var error))
            {
                errors.Add($"TwilioEmulator:UndeliverableNumbers: {error}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
