using System.Net.Http.Headers;
using System.Text;

namespace RealtyHub.Integrations.Twilio;

/// <summary>HTTP Basic credentials of a Twilio account: Account SID as user, auth token as password.</summary>
internal static class TwilioBasicAuth
{
    public static AuthenticationHeaderValue Header(TwilioOptions options) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
}
