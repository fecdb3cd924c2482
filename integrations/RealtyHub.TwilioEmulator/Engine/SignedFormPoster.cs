using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>Posts a form the way Twilio posts webhooks: form-encoded, signed with <c>X-Twilio-Signature</c>.</summary>
internal sealed class SignedFormPoster(IHttpClientFactory httpClientFactory, IOptions<TwilioEmulatorOptions> options)
{
    public const string HttpClientName = "RealtyHub.TwilioEmulator";

    /// <summary>Posts <paramref name="form"/> to <paramref name="url"/> (signed over that exact text) and returns the HTTP status.</summary>
    public async Task<int> PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(options.Value.AuthToken, url, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        request.Content = new FormUrlEncodedContent(form);
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }
}
