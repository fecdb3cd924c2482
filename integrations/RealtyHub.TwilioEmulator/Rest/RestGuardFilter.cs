using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator.Engine;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>
/// In front of every authenticated endpoint: counts the call, applies the failure test hook, then checks the
/// Basic credentials and that the path's account is the caller's (Twilio's 401 with error 20003 otherwise).
/// </summary>
internal sealed class RestGuardFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<EmulatorStore>();
        if (store.CountRestRequest() is { } failure)
        {
            var code = failure == HttpStatusCode.TooManyRequests ? TwilioErrorCodes.TooManyRequests : TwilioErrorCodes.ServiceUnavailable;
            return TwilioErrorResponse.Result(failure, code, "Service is unavailable (Twilio emulator test hook).");
        }

        var options = http.RequestServices.GetRequiredService<IOptions<TwilioEmulatorOptions>>().Value;
        var pathAccount = http.Request.RouteValues.TryGetValue("accountSid", out var value) ? value as string : null;
        if (!BasicCredentials.Match(http.Request, options.AccountSid, options.AuthToken)
            || (pathAccount is not null && pathAccount != options.AccountSid))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioErrorResponse.Result(HttpStatusCode.Unauthorized, TwilioErrorCodes.AuthenticationFailed, "Authenticate");
        }

        return await next(context);
    }
}
