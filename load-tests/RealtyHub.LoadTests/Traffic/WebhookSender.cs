using System.Diagnostics;
using RealtyHub.Integrations.Twilio;
using RealtyHub.LoadTests.Environment;

namespace RealtyHub.LoadTests.Traffic;

/// <summary>
/// Posts Twilio-signed inbound WhatsApp webhooks, as Twilio does: form fields signed with the auth token over the
/// exact URL of the node posted to. Like Twilio, retries a failed post of the same MessageSid (for the failover drill).
/// </summary>
public sealed class WebhookSender(HttpClient http, int maxAttempts = 1, TimeSpan? retryDelay = null)
{
    private const string Path = "webhooks/twilio/whatsapp";

    public async Task<WebhookOutcome> SendAsync(WebhookMessage message, long intendedStartTimestamp, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var status = 0;
        var attempt = 0;
        while (++attempt <= maxAttempts)
        {
            status = await PostOnceAsync(message, cancellationToken);
            if (status == 200 || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (attempt < maxAttempts)
            {
                await Task.Delay(retryDelay ?? TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }

        return new WebhookOutcome(message, status == 200, Math.Min(attempt, maxAttempts), status,
            Stopwatch.GetElapsedTime(intendedStartTimestamp), sentAt, DateTimeOffset.UtcNow);
    }

    private async Task<int> PostOnceAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = message.MessageSid,
            ["SmsMessageSid"] = message.MessageSid,
            ["AccountSid"] = HubEnvironment.DemoAccountSid,
            ["From"] = "whatsapp:" + message.ClientNumber,
            ["To"] = "whatsapp:" + message.BusinessNumber,
            ["Body"] = message.Body,
            ["ProfileName"] = "Load Client " + message.ClientNumber[^4..],
            ["WaId"] = message.ClientNumber.TrimStart('+'),
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01",
        };
        var url = new Uri(message.WebNode, Path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(HubEnvironment.DemoAuthToken, url.ToString(), form));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own time-out.
            return 0;
        }
    }
}
