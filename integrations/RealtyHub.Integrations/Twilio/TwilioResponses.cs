using System.Text.Json;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Turns Twilio REST responses into resources or <see cref="TwilioApiException"/>s.</summary>
internal static class TwilioResponses
{
    public static async Task<TwilioMessageResource> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }

        var document = await JsonSerializer.DeserializeAsync<TwilioWireJson.MessageDocument>(
            await response.Content.ReadAsStreamAsync(cancellationToken), TwilioWireJson.Options, cancellationToken);
        return document?.ToResource() ?? throw new JsonException("Twilio answered with an empty message resource.");
    }

    public static async Task<TwilioApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        TwilioWireJson.ErrorDocument? error = null;
        try
        {
            error = text.Length > 0 ? JsonSerializer.Deserialize<TwilioWireJson.ErrorDocument>(text, TwilioWireJson.Options) : null;
        }
        catch (JsonException)
        {
            // Not Twilio's error document (a proxy's HTML page, say): report the HTTP status alone.
        }

        var message = error?.Message is { Length: > 0 } m
            ? m
            : $"Twilio answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        var moreInfo = Uri.TryCreate(error?.MoreInfo, UriKind.Absolute, out var uri) ? uri : null;
        return new TwilioApiException(response.StatusCode, error?.Code, message, moreInfo);
    }
}
