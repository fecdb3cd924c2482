namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// The URL spellings a Twilio signature may have been computed over. Twilio signs the URL as configured, which
/// may or may not carry an explicit port; its helper libraries therefore try the URL as received, with the
/// default port added and with any port removed. Pure string surgery: the rest of the URL is left byte-for-byte.
/// </summary>
internal static class TwilioUrlVariants
{
    public static IReadOnlyList<string> For(string url)
    {
        var variants = new List<string> { url };
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return variants;
        }

        var scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }

        var portColon = FindPortColon(url, hostStart, authorityEnd);
        var defaultPort = DefaultPort(scheme);
        if (portColon >= 0)
        {
            // Explicit port: also try without it (for a default port that is the same URL Twilio may have used).
            variants.Add(string.Concat(url.AsSpan(0, portColon), url.AsSpan(authorityEnd)));
        }
        else if (defaultPort is not null)
        {
            variants.Add(string.Concat(url.AsSpan(0, authorityEnd), ":", defaultPort, url.AsSpan(authorityEnd)));
        }

        return variants;
    }

    private static int FindPortColon(string url, int hostStart, int authorityEnd)
    {
        if (hostStart >= authorityEnd)
        {
            return -1;
        }

        // IPv6 literals ([::1]:8080) contain colons of their own; the port colon follows the closing bracket.
        var searchFrom = url[hostStart] == '[' ? url.IndexOf(']', hostStart, authorityEnd - hostStart) : hostStart;
        if (searchFrom < 0)
        {
            return -1;
        }

        var colon = url.IndexOf(':', searchFrom, authorityEnd - searchFrom);
        return colon >= 0 && colon + 1 < authorityEnd && url.AsSpan(colon + 1, authorityEnd - colon - 1).ContainsOnlyDigits()
            ? colon
            : -1;
    }

    private static string? DefaultPort(string scheme) =>
        scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443"
        : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80"
        : null;

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
