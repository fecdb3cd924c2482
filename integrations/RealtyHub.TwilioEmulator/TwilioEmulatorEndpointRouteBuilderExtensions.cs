using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.TwilioEmulator.Engine;
using RealtyHub.TwilioEmulator.Media;
using RealtyHub.TwilioEmulator.Rest;
using RealtyHub.TwilioEmulator.Scripting;

namespace RealtyHub.TwilioEmulator;

/// <summary>Maps the Twilio emulator's endpoints.</summary>
public static class TwilioEmulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>POST/GET 2010-04-01/Accounts/{AccountSid}/Messages.json</c> and <c>GET .../Messages/{Sid}.json</c> (Basic auth), so
    /// point the hub's <c>Twilio:ApiBaseUrl</c> at <c>{host}{prefix}</c>;</item>
    /// <item><c>GET media/{MediaSid}</c> (Basic auth, redirects to the content);</item>
    /// <item><c>POST emulator/inbound</c> and <c>GET emulator/conversations/{number}</c> (JSON, unauthenticated: demo only);</item>
    /// <item><c>POST emulator/calls</c> and <c>GET emulator/calls/{CallSid}</c>: a client's phone call, streamed to the hub as a
    /// Twilio Media Stream (JSON, unauthenticated: demo only).</item>
    /// </list>
    /// The group allows anonymous callers (the emulator checks Twilio's credentials itself), skips antiforgery
    /// and is left out of API descriptions.
    /// </summary>
    public static RouteGroupBuilder MapTwilioEmulator(this IEndpointRouteBuilder endpoints, string prefix = EmulatorUrls.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var urls = endpoints.ServiceProvider.GetService<EmulatorUrls>()
            ?? throw new InvalidOperationException("Call services.AddTwilioEmulator(...) before MapTwilioEmulator().");
        urls.Prefix = prefix;

        var group = endpoints.MapGroup(prefix);
        group.AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        group.MapMessagesApi();
        group.MapMediaApi();
        group.MapScriptApi();
        return group;
    }
}
