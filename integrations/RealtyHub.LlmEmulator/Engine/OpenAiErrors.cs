using System.Net;
using Microsoft.AspNetCore.Http;
using RealtyHub.LlmEmulator.Wire;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>Errors in OpenAI's shape, so clients surface the same messages they would from the real service.</summary>
internal static class OpenAiErrors
{
    public static IResult InvalidKey(string? presented) => Result(
        HttpStatusCode.Unauthorized,
        $"Incorrect API key provided: {Mask(presented)}. The LLM emulator expects the key it was configured with.",
        "invalid_request_error",
        "invalid_api_key");

    public static IResult BadRequest(string message) => Result(HttpStatusCode.BadRequest, message, "invalid_request_error", null);

    public static IResult ModelNotFound(string model) => Result(
        HttpStatusCode.NotFound,
        $"The model `{model}` does not exist or you do not have access to it.",
        "invalid_request_error",
        "model_not_found");

    /// <summary>What the real service says for an injected failure of this status.</summary>
    public static IResult Injected(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => Result(status, "Rate limit reached for requests (injected by the LLM emulator).", "requests", "rate_limit_exceeded"),
        >= HttpStatusCode.InternalServerError => Result(status, "The server had an error while processing your request (injected by the LLM emulator).", "server_error", null),
        _ => Result(status, $"Request failed with status {(int)status} (injected by the LLM emulator).", "invalid_request_error", null),
    };

    private static IResult Result(HttpStatusCode status, string message, string type, string? code) =>
        Results.Json(new ErrorResponseJson(new ErrorJson(message, type, null, code)), OpenAiJson.Options, statusCode: (int)status);

    /// <summary>Like OpenAI, shows only the ends of a wrong key.</summary>
    private static string Mask(string? key) => key switch
    {
        null or "" => "(none)",
        { Length: <= 6 } => "***",
        _ => $"{key[..3]}***{key[^2..]}",
    };
}
