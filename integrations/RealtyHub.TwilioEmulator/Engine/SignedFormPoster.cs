using System.Text;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>Posts a form the way Twilio posts webhooks: form-encoded, signed with <c>X-Twilio-Signature</c>.</summary>
internal sealed class SignedFormPoster(IHttpClientFactory httpClientFactory, IOptions<TwilioEmulatorOptions> options)
{
    public const string HttpClientName = "RealtyHub.TwilioEmulator";

    /// <summary>The most TwiML the emulator reads; Twilio's own limit on a TwiML document is 64 KB.</summary>
    private const int MaxTwimlBytes = 64 * 1024;

    /// <summary>Posts <paramref name="form"/> to <paramref name="url"/> (signed over that exact text) and returns the HTTP status.</summary>
    public async Task<int> PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(url, form, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Posts <paramref name="form"/> like <see cref="PostAsync"/> and also reads the answer (TwiML for a Voice URL).</summary>
    /// <exception cref="HttpRequestException">The hub could not be reached, or answered more than 64 KB.</exception>
    public async Task<(int StatusCode, string Body)> PostForTwimlAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(url, form, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxTwimlBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxTwimlBytes)
        {
            throw new HttpRequestException($"The hub's answer to {url} is larger than {MaxTwimlBytes} bytes, Twilio's limit for TwiML.");
        }

        return ((int)response.StatusCode, Encoding.UTF8.GetString(buffer, 0, length));
    }

    private async Task<HttpResponseMessage> SendAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> form, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(options.Value.AuthToken, url, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        request.Content = new FormUrlEncodedContent(form);
        return await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, completion, cancellationToken);
    }
}
