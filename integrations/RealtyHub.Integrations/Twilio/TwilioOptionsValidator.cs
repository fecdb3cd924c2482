using Microsoft.Extensions.Options;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Rejects <see cref="TwilioOptions"/> the hub could not work with, naming the setting to fix.</summary>
public sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!TwilioSid.IsValid(options.AccountSid, "AC"))
        {
            errors.Add("Twilio:AccountSid must be an account SID ('AC' followed by 32 hex digits).");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("Twilio:AuthToken is required (set it from a secret store or the Twilio__AuthToken environment variable).");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            errors.Add("Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.PublicBaseUrl is not null && !IsHttpUrl(options.PublicBaseUrl))
        {
            errors.Add("Twilio:PublicBaseUrl must be an absolute http(s) URL when set.");
        }

        if (options.MaxMediaBytes <= 0)
        {
            errors.Add("Twilio:MaxMediaBytes must be positive.");
        }

        if (options.MaxRetryAttempts is < 1 or > 10)
        {
            errors.Add("Twilio:MaxRetryAttempts must be between 1 and 10.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            errors.Add("Twilio:RetryBaseDelay must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
