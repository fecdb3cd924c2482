using System.Net;
using Microsoft.AspNetCore.Http;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>A Twilio error to answer with.</summary>
internal sealed record RestError(int Code, string Message, HttpStatusCode Status = HttpStatusCode.BadRequest)
{
    public IResult ToResult() => TwilioErrorResponse.Result(Status, Code, Message);
}
