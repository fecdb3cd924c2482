// Twilio's SDK is not available from our package mirror, so this client speaks Twilio's REST wire protocol
// itself (https://www.twilio.com/docs/messaging/api/message-resource). The Twilio emulator speaks the same
// protocol, so this exact code runs against it in demo mode and in tests.
using Microsoft.Extensions.Options;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Sends WhatsApp messages through Twilio's Messages resource. A typed <see cref="HttpClient"/> registered by
/// <see cref="TwilioServiceCollectionExtensions.AddTwilioMessaging(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TwilioOptions})"/>
/// with retries on transient failures; every call carries an idempotency token, so a retry never sends twice.
/// </summary>
public sealed class TwilioMessagingClient(HttpClient httpClient, IOptions<TwilioOptions> options)
{
    /// <summary>The header Twilio uses to make a create request idempotent.</summary>
    public const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    /// <summary>
    /// Creates the message (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>). Twilio answers once it
    /// has queued the message; delivery and failures such as 63016 (outside the 24-hour window) arrive later at
    /// <see cref="OutboundWhatsAppMessage.StatusCallback"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The message is not sendable (no body or template, body too long...).</exception>
    /// <exception cref="TwilioApiException">Twilio refused it or could not be reached; <see cref="TwilioApiException.IsTransient"/> says whether to try later.</exception>
    public async Task<TwilioMessageResource> SendAsync(OutboundWhatsAppMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(settings, ".json"));
        request.Headers.Authorization = TwilioBasicAuth.Header(settings);
        request.Headers.Add(IdempotencyTokenHeader, message.IdempotencyToken ?? Guid.NewGuid().ToString("N"));
        request.Content = new FormUrlEncodedContent(TwilioMessageForm.Build(message));

        using var response = await TwilioTransport.SendAsync(httpClient, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await TwilioResponses.ReadMessageAsync(response, cancellationToken);
    }

    /// <summary>Fetches a message's current state (<c>GET .../Messages/{Sid}.json</c>).</summary>
    /// <exception cref="TwilioApiException">Twilio refused it (20404 when there is no such message).</exception>
    public async Task<TwilioMessageResource> FetchAsync(string messageSid, CancellationToken cancellationToken = default)
    {
        if (!TwilioSid.IsValid(messageSid, "SM", "MM"))
        {
            throw new ArgumentException($"'{messageSid}' is not a message SID.", nameof(messageSid));
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, MessagesUrl(settings, "/" + messageSid + ".json"));
        request.Headers.Authorization = TwilioBasicAuth.Header(settings);
        using var response = await TwilioTransport.SendAsync(httpClient, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await TwilioResponses.ReadMessageAsync(response, cancellationToken);
    }

    private static Uri MessagesUrl(TwilioOptions settings, string suffix) =>
        new($"{settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages{suffix}");
}
