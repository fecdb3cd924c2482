namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// How the hub talks to Twilio. Bind from configuration (section <c>Twilio</c>, i.e. environment variables
/// <c>Twilio__AccountSid</c>, <c>Twilio__AuthToken</c>, ...); the secrets never live in code or appsettings
/// committed to the repository. Validated at start-up by <see cref="TwilioOptionsValidator"/>.
/// </summary>
public sealed class TwilioOptions
{
    /// <summary>The usual configuration section name.</summary>
    public const string SectionName = "Twilio";

    /// <summary>The account (<c>AC</c> + 32 hex digits); the user name of HTTP Basic auth.</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>The account's auth token: the Basic auth password and the key of webhook signatures.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>
    /// Where the REST API lives. Point it at the Twilio emulator (e.g. <c>https://hub.example/twilio-emulator</c>)
    /// in demo mode; any path is kept and <c>/2010-04-01/...</c> appended.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>
    /// The externally visible base URL of our webhooks when the hub runs behind a proxy that changes scheme, host
    /// or port. Twilio signs the URL it called, so signature checks must rebuild that URL (see
    /// <see cref="TwilioWebhookUrl"/>). <c>null</c> when the request URL the hub sees is the public one.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Inbound media larger than this is refused by <see cref="TwilioMediaClient"/>. Default 16 MB (WhatsApp's limit).</summary>
    public long MaxMediaBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many times a REST call is retried after a transient failure (5xx, 408, 429, timeout).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
