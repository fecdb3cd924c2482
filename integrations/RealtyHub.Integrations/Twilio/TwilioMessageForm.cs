using System.Text.Json;

namespace RealtyHub.Integrations.Twilio;

/// <summary>The form fields of a Create Message request (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).</summary>
internal static class TwilioMessageForm
{
    public const int MaxBodyLength = 1600;

    public static List<KeyValuePair<string, string>> Build(OutboundWhatsAppMessage message)
    {
        Validate(message);
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", message.To.ToString()),
            new("From", message.From.ToString()),
        };

        if (message.ContentSid is not null)
        {
            form.Add(new("ContentSid", message.ContentSid));
            if (message.ContentVariables is { Count: > 0 } variables)
            {
                form.Add(new("ContentVariables", JsonSerializer.Serialize(variables)));
            }
        }
        else if (!string.IsNullOrEmpty(message.Body))
        {
            form.Add(new("Body", message.Body));
        }

        // Repeated MediaUrl parameters are how Twilio takes several attachments.
        form.AddRange(message.MediaUrls.Select(url => new KeyValuePair<string, string>("MediaUrl", url.AbsoluteUri)));
        if (message.StatusCallback is not null)
        {
            form.Add(new("StatusCallback", message.StatusCallback.AbsoluteUri));
        }

        return form;
    }

    private static void Validate(OutboundWhatsAppMessage message)
    {
        if (message.ContentSid is null)
        {
            if (string.IsNullOrEmpty(message.Body) && message.MediaUrls.Count == 0)
            {
                throw new ArgumentException("A WhatsApp message needs a Body, a MediaUrl or a ContentSid (approved template).", nameof(message));
            }

            if (message.Body?.Length > MaxBodyLength)
            {
                throw new ArgumentException($"The Body has {message.Body!.Length} characters; Twilio accepts at most {MaxBodyLength}.", nameof(message));
            }

            if (message.ContentVariables is not null)
            {
                throw new ArgumentException("ContentVariables need a ContentSid.", nameof(message));
            }
        }
        else if (!TwilioSid.IsValid(message.ContentSid, "HX"))
        {
            throw new ArgumentException($"ContentSid '{message.ContentSid}' is not a content template SID ('HX' followed by 32 hex digits).", nameof(message));
        }
    }
}
