using System.Net;
using Microsoft.AspNetCore.Http;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>Twilio's error document: <c>{"code": 21211, "message": "...", "more_info": "...", "status": 400}</c>.</summary>
internal sealed record TwilioErrorResponse(int Code, string Message, string MoreInfo, int Status)
{
    public static IResult Result(HttpStatusCode status, int code, string message) =>
        Results.Json(
            new TwilioErrorResponse(code, message, $"https://www.twilio.com/docs/errors/{code}", (int)status),
            TwilioJson.Options,
            statusCode: (int)status);
}
