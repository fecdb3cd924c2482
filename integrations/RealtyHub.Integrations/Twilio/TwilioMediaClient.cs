using System.Net;
using Microsoft.Extensions.Options;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Downloads inbound media (<see cref="TwilioInboundMedia.Url"/>). Twilio serves media behind the account's
/// Basic auth and answers with a redirect to a short-lived storage URL; the redirect is followed here by hand so
/// the credentials go only to the Twilio API host (<see cref="TwilioOptions.ApiBaseUrl"/>), never to the
/// storage host or to any other URL a form might name.
/// </summary>
public sealed class TwilioMediaClient(HttpClient httpClient, IOptions<TwilioOptions> options)
{
    private const int MaxRedirects = 5;

    /// <summary>Downloads <paramref name="mediaUrl"/>, refusing more than <see cref="TwilioOptions.MaxMediaBytes"/>.</summary>
    /// <exception cref="TwilioMediaTooLargeException">The media is over the limit (by Content-Length, or while reading).</exception>
    /// <exception cref="TwilioApiException">The media server refused the request (401 with wrong credentials, 404...) or could not be reached.</exception>
    public async Task<TwilioMedia> DownloadAsync(Uri mediaUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaUrl);
        var settings = options.Value;
        var url = mediaUrl;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (IsSameOrigin(url, settings.ApiBaseUrl))
            {
                request.Headers.Authorization = TwilioBasicAuth.Header(settings);
            }

            using var response = await TwilioTransport.SendAsync(httpClient, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                url = NextUrl(url, response, redirects);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await TwilioResponses.ToExceptionAsync(response, cancellationToken);
            }

            var content = await ReadLimitedAsync(response, mediaUrl, settings.MaxMediaBytes, cancellationToken);
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return new TwilioMedia(content, contentType);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, Uri mediaUrl, long limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw new TwilioMediaTooLargeException(mediaUrl, limit, declared);
        }

        // Content-Length can be absent (chunked) or wrong, so the limit is enforced on the bytes actually read too.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new TwilioMediaTooLargeException(mediaUrl, limit, response.Content.Headers.ContentLength);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Uri NextUrl(Uri current, HttpResponseMessage response, int redirects)
    {
        if (redirects >= MaxRedirects)
        {
            throw new TwilioApiException(response.StatusCode, null, $"Media {current} redirected more than {MaxRedirects} times.", null);
        }

        var location = response.Headers.Location
            ?? throw new TwilioApiException(response.StatusCode, null, $"Media {current} redirected without a Location.", null);
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
        {
            throw new TwilioApiException(response.StatusCode, null, $"Media {current} redirected to a non-HTTP URL.", null);
        }

        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsSameOrigin(Uri url, Uri apiBaseUrl) =>
        Uri.Compare(url, apiBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
