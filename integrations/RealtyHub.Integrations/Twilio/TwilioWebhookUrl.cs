using System.Diagnostics.CodeAnalysis;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Rebuilds the URL Twilio called, which is what its webhook signature covers.</summary>
public static class TwilioWebhookUrl
{
    /// <summary>
    /// The URL to validate a webhook signature against: <paramref name="requestUrl"/> as the hub received it
    /// (in ASP.NET Core, <c>UriHelper.GetEncodedUrl(request)</c>), or, behind a proxy, the same path and query
    /// under <paramref name="publicBaseUrl"/> (whose own path, if any, is kept as a prefix).
    /// Strings, not <see cref="Uri"/>: the signature covers the exact text and Uri would re-escape it.
    /// </summary>
    /// <param name="publicBaseUrl"><see cref="TwilioOptions.PublicBaseUrl"/>.</param>
    /// <param name="requestUrl">The absolute URL the hub saw.</param>
    [SuppressMessage("Design", "CA1054:URI-like parameters should not be strings", Justification = "The signature covers the exact URL text.")]
    [SuppressMessage("Design", "CA1055:URI-like return values should not be strings", Justification = "The signature covers the exact URL text.")]
    public static string Resolve(Uri? publicBaseUrl, string requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (publicBaseUrl is null)
        {
            return requestUrl;
        }

        var schemeEnd = requestUrl.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? 0 : requestUrl.IndexOfAny(['/', '?'], schemeEnd + 3);
        var pathAndQuery = pathStart < 0 ? string.Empty : requestUrl[pathStart..];
        return publicBaseUrl.OriginalString.TrimEnd('/') + pathAndQuery;
    }
}
