using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RealtyHub.TwilioEmulator.Scripting;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// <c>POST {prefix}/emulator/calls</c> places a call to the hub; <c>GET {prefix}/emulator/calls/{callSid}</c> reads it.
/// Unauthenticated JSON for scripts and demos. Every failure is a problem document: 400 bad input, 409 emulator not
/// configured, 502 hub unreachable; what the hub does wrong during the call is in the call's status instead.
/// </summary>
internal static class CallEndpoints
{
    public static void MapCallApi(this IEndpointRouteBuilder emulator)
    {
        emulator.MapPost("/calls", PlaceCallAsync);
        emulator.MapGet("/calls/{callSid}", GetCall);
    }

    private static async Task<Results<JsonHttpResult<EmulatedCall>, ProblemHttpResult>> PlaceCallAsync(
        CallScriptRequest request, EmulatedCallService calls, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var handle = await calls.StartCallAsync(request.ToRequest(), cancellationToken);
            if (request.Wait)
            {
                return TypedResults.Json(await handle.Completion.WaitAsync(cancellationToken), ScriptEndpoints.Json);
            }

            http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}/{handle.CallSid}";
            return TypedResults.Json(handle.Current, ScriptEndpoints.Json, statusCode: StatusCodes.Status202Accepted);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid call");
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Emulator not configured");
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The hub's voice webhook could not be reached");
        }
    }

    private static Results<JsonHttpResult<EmulatedCall>, ProblemHttpResult> GetCall(string callSid, EmulatedCallService calls) =>
        calls.GetCall(callSid) is { } call
            ? TypedResults.Json(call, ScriptEndpoints.Json)
            : TypedResults.Problem($"The emulator has no call {callSid}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown call");
}
