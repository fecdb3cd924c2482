using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>Checks HTTP Basic credentials (Account SID : auth token) the way Twilio's API does.</summary>
internal static class BasicCredentials
{
    public static bool Match(HttpRequest request, string accountSid, string authToken)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Both halves are always compared, in constant time, so timing does not tell which one was wrong.
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded[..colon]), Encoding.UTF8.GetBytes(accountSid));
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded[(colon + 1)..]), Encoding.UTF8.GetBytes(authToken));
        return userMatches & passwordMatches;
    }
}
