using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>Says in one sentence why a call to the AI service failed, for the request's history and the expert.</summary>
internal static class AiFailures
{
    public static string Describe(Exception exception, AiOptions options)
    {
        // After retries the pipeline throws every attempt's exception together; the last one is the verdict.
        var last = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[^1] : exception;
        var attempts = options.MaxRetries + 1;
        var endpoint = options.Endpoint?.GetLeftPart(UriPartial.Path);
        return last switch
        {
            ClientResultException { Status: 401 or 403 } refused =>
                $"The AI service at {endpoint} refused the API key (HTTP {refused.Status}: {ServerMessage(refused)}); check RealtyHub:Ai:ApiKey.",
            ClientResultException { Status: 404 } missing =>
                $"The AI service at {endpoint} does not serve the model '{options.Model}' (HTTP 404: {ServerMessage(missing)}); check RealtyHub:Ai:Model and RealtyHub:Ai:Endpoint.",
            ClientResultException { Status: 429 } =>
                $"The AI service is rate limiting the hub (HTTP 429) after {attempts} attempts; try again in a minute.",
            ClientResultException { Status: >= 500 } failed =>
                $"The AI service failed (HTTP {failed.Status}: {ServerMessage(failed)}) after {attempts} attempts.",
            ClientResultException { Status: > 0 } rejected =>
                $"The AI service rejected the request (HTTP {rejected.Status}: {ServerMessage(rejected)}).",
            OperationCanceledException or TimeoutException =>
                string.Create(CultureInfo.InvariantCulture, $"The AI service did not answer within {options.Timeout.TotalSeconds:0.#} s ({attempts} attempts)."),
            ClientResultException or HttpRequestException or IOException =>
                $"The AI service at {endpoint} could not be reached ({attempts} attempts): {last.Message}",
            _ => $"The AI service's answer could not be used: {last.Message}",
        };
    }

    /// <summary>The <c>error.message</c> of an OpenAI-style error body, or the status text.</summary>
    private static string ServerMessage(ClientResultException exception)
    {
        var response = exception.GetRawResponse();
        try
        {
            if (response?.Content is { } content
                && JsonDocument.Parse(content.ToMemory()).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text.Length <= 200 ? text : text[..200] + "…";
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status text says enough.
        }

        return response?.ReasonPhrase is { Length: > 0 } reason ? reason : "no details";
    }
}
