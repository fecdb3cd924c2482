using System.Security.Cryptography;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Twilio resource identifiers: a two-letter type prefix (<c>AC</c> account, <c>SM</c>/<c>MM</c> message,
/// <c>ME</c> media, <c>MG</c> messaging service, <c>HX</c> content template) followed by 32 hex digits.
/// </summary>
public static class TwilioSid
{
    /// <summary>Whether <paramref name="sid"/> is a SID with one of the given prefixes.</summary>
    public static bool IsValid(string? sid, params ReadOnlySpan<string> prefixes)
    {
        if (sid is not { Length: 34 } || !sid.AsSpan(2).ContainsOnlyHex())
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (sid.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new random SID with the given two-letter prefix, in Twilio's lower-case hex.</summary>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }
}
