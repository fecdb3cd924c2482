// Twilio's SDK is not available from our package mirror, so this is our own implementation of the
// request-signing scheme: https://www.twilio.com/docs/usage/webhooks/webhooks-security
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Computes and validates the <c>X-Twilio-Signature</c> header Twilio puts on every webhook:
/// Base64(HMAC-SHA1(authToken, url + name1 + value1 + name2 + value2 ...)) with the POST parameters sorted by name.
/// </summary>
/// <remarks>
/// URLs are strings on purpose: the signature covers the URL exactly as Twilio requested it, and
/// <see cref="Uri"/> would re-escape it.
/// </remarks>
[SuppressMessage("Design", "CA1054:URI-like parameters should not be strings", Justification = "The signature covers the exact URL text; Uri would normalise it.")]
public static class TwilioSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>
    /// The signature Twilio would send for a form POST of <paramref name="parameters"/> to <paramref name="url"/>.
    /// Names are sorted ordinally; a repeated name keeps its values in the order given.
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        return Convert.ToBase64String(ComputeHash(authToken, url, parameters));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the one Twilio would send for this request. Also accepts the URL
    /// with or without an explicit default port, and without an explicit non-default port, as Twilio's own
    /// helper libraries do (Twilio may sign either form depending on how the webhook was configured).
    /// A missing or empty signature is invalid.
    /// </summary>
    public static bool IsValid(
        string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var materialised = parameters as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. parameters];
        var valid = false;
        foreach (var candidate in TwilioUrlVariants.For(url))
        {
            // Every variant is checked, so the time taken does not reveal which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(ComputeHash(authToken, candidate, materialised), expected);
        }

        return valid;
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "HMAC-SHA1 is what Twilio's protocol mandates.")]
    private static byte[] ComputeHash(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);

        // OrderBy is stable, so values of a repeated name stay in their original order.
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
    }
}
