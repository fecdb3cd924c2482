using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RealtyHub.Web.Voice;

/// <summary>
/// The proof, carried in the media stream's URL, that the hub itself answered this call with that stream: an HMAC of
/// the call under the Twilio auth token, which every hub node shares (data-protection keys are per node).
/// </summary>
internal static class VoiceStreamToken
{
    public static string For(string authToken, string brokerageId, string callSid) =>
        WebEncoders.Base64UrlEncode(Hash(authToken, brokerageId, callSid));

    public static bool IsValid(string authToken, string brokerageId, string callSid, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Hash(authToken, brokerageId, callSid));
    }

    private static byte[] Hash(string authToken, string brokerageId, string callSid) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes($"realtyhub-voice-stream/{brokerageId}/{callSid}"));
}
