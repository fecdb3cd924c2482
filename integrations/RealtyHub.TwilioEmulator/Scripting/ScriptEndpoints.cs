using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.TwilioEmulator.Scripting;

/// <summary>JSON endpoints for scripts and demos: act as a client, read a conversation. Unauthenticated: demo only.</summary>
internal static class ScriptEndpoints
{
    /// <summary>The JSON of every emulator script endpoint (web defaults, enums by name).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void MapScriptApi(this IEndpointRouteBuilder group)
    {
        var emulator = group.MapGroup("/emulator");
        emulator.MapPost("/inbound", SendInboundAsync);
        emulator.MapGet("/conversations/{clientNumber}", Conversation);
        emulator.MapCallApi();
    }

    private static async Task<Results<JsonHttpResult<EmulatedInboundResult>, ProblemHttpResult>> SendInboundAsync(
        InboundScriptRequest request, TwilioEmulatorService emulator, CancellationToken cancellationToken)
    {
        try
        {
            var media = (request.Media ?? []).Select(m => new EmulatedMedia(m.ContentType, Convert.FromBase64String(m.Base64))).ToList();
            var result = await emulator.SendInboundAsync(
                request.From, request.To, request.Body ?? string.Empty, request.ProfileName, media, request.Repeat, cancellationToken);
            return TypedResults.Json(result, Json);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid inbound message");
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Emulator not configured");
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The hub's webhook could not be reached");
        }
    }

    private static Results<JsonHttpResult<IReadOnlyList<EmulatedMessage>>, ProblemHttpResult> Conversation(string clientNumber, TwilioEmulatorService emulator)
    {
        try
        {
            return TypedResults.Json(emulator.GetConversation(clientNumber), Json);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid number");
        }
    }
}
