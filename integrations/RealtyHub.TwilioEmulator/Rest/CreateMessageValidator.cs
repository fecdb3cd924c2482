using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>
/// Checks a Create Message form the way Twilio does, answering the first problem with Twilio's error code.
/// The emulator is WhatsApp-only: To and From must be <c>whatsapp:+E164</c>.
/// </summary>
internal static class CreateMessageValidator
{
    private const int MaxBodyLength = 1600;

    public static (CreateMessageCommand? Command, RestError? Error) Validate(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        var to = Field("To");
        if (to is null)
        {
            return Fail(TwilioErrorCodes.ToRequired, "A 'To' phone number is required.");
        }

        if (!WhatsAppAddress.TryParse(to, out var toAddress, out var toError))
        {
            return Fail(TwilioErrorCodes.InvalidTo, $"Invalid 'To' Phone Number: {to}. {toError}");
        }

        var from = Field("From");
        if (from is null)
        {
            return Fail(TwilioErrorCodes.FromRequired, "A 'From' phone number is required.");
        }

        if (!WhatsAppAddress.TryParse(from, out var fromAddress, out var fromError))
        {
            return Fail(TwilioErrorCodes.InvalidFrom, $"Invalid 'From' Phone Number: {from}. {fromError}");
        }

        var contentSid = Field("ContentSid");
        var contentVariables = Field("ContentVariables");
        if (contentVariables is not null && contentSid is null)
        {
            return Fail(TwilioErrorCodes.ContentSidRequired, "A ContentSid must be specified if ContentVariables are provided in the request.");
        }

        if (contentSid is not null && !TwilioSid.IsValid(contentSid, "HX"))
        {
            return Fail(TwilioErrorCodes.InvalidContentSid, $"The ContentSid '{contentSid}' is invalid.");
        }

        if (contentVariables is not null && !IsStringObject(contentVariables))
        {
            return Fail(TwilioErrorCodes.InvalidContentVariables, "The ContentVariables Parameter is invalid.");
        }

        var mediaUrls = new List<Uri>();
        foreach (var text in form["MediaUrl"])
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                return Fail(TwilioErrorCodes.InvalidMediaUrl, $"Media urls: {text} are invalid. Please use only valid http and https urls.");
            }

            mediaUrls.Add(url);
        }

        var body = Field("Body");
        if (body is null && contentSid is null && mediaUrls.Count == 0)
        {
            return Fail(TwilioErrorCodes.BodyRequired, "Message body is required.");
        }

        if (body?.Length > MaxBodyLength)
        {
            return Fail(TwilioErrorCodes.BodyTooLong, $"The concatenated message body exceeds the {MaxBodyLength} character limit.");
        }

        var statusCallback = Field("StatusCallback");
        if (statusCallback is not null && !Uri.TryCreate(statusCallback, UriKind.Absolute, out _))
        {
            return Fail(TwilioErrorCodes.InvalidStatusCallback, $"The StatusCallback URL {statusCallback} is not a valid URL.");
        }

        return (new CreateMessageCommand(toAddress.E164, fromAddress.E164, body, contentSid, contentVariables, mediaUrls, statusCallback), null);
    }

    private static (CreateMessageCommand?, RestError?) Fail(int code, string message) => (null, new RestError(code, message));

    private static bool IsStringObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
