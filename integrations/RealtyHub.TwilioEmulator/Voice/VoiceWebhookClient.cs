using System.Text;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator.Engine;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>Posts a signed voice webhook form as Twilio does and reads the hub's answer (TwiML for the Voice URL).</summary>
internal sealed class VoiceWebhookClient(IHttpClientFactory httpClientFactory, IOptions<TwilioEmulatorOptions> options)
{
    /// <summary>The most TwiML the emulator reads; Twilio's own limit on a TwiML document is 64 KB.</summary>
    private const int MaxResponseBytes = 64 * 1024;

    /// <exception cref="HttpRequestException">The hub could not be reached, or answered more than 64 KB.</exception>
    public async Task<(int StatusCode, string Body)> PostAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var target = url.OriginalString;
        using var request = new HttpRequestMessage(HttpMethod.Post, target);
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(options.Value.AuthToken, target, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        request.Content = new FormUrlEncodedContent(form);
        using var response = await httpClientFactory.CreateClient(SignedFormPoster.HttpClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxResponseBytes)
        {
            throw new HttpRequestException($"The hub's answer to {target} is larger than {MaxResponseBytes} bytes, Twilio's limit for TwiML.");
        }

        return ((int)response.StatusCode, Encoding.UTF8.GetString(buffer, 0, length));
    }
}
