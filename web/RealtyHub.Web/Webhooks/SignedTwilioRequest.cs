using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Web.Webhooks;

/// <summary>A Twilio webhook's form, and whether its X-Twilio-Signature proves it came from Twilio.</summary>
internal sealed record SignedTwilioRequest(IReadOnlyList<KeyValuePair<string, string>> Form, bool IsAuthentic)
{
    public static async Task<SignedTwilioRequest?> ReadAsync(HttpRequest request, IOptions<TwilioOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        // Behind a proxy Twilio signed the public URL, not the one Kestrel sees (TwilioOptions.PublicBaseUrl).
        var url = TwilioWebhookUrl.Resolve(options.Value.PublicBaseUrl, request.GetEncodedUrl());
        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        return new SignedTwilioRequest(fields, TwilioSignature.IsValid(options.Value.AuthToken, url, fields, signature));
    }
}
