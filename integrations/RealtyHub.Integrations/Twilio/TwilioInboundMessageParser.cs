using System.Globalization;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Reads Twilio's inbound WhatsApp webhook form into a <see cref="TwilioInboundMessage"/>.</summary>
public static class TwilioInboundMessageParser
{
    /// <summary>Twilio delivers at most 10 media items per message.</summary>
    public const int MaxMedia = 10;

    /// <summary>
    /// Parses the form fields (names as Twilio posts them). Validate the <see cref="TwilioSignature"/> first:
    /// this only checks the shape, and lists every problem found.
    /// </summary>
    public static TwilioParseResult<TwilioInboundMessage> Parse(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new TwilioFormFields(form);
        var messageSid = fields.RequiredSid("MessageSid", "SM", "MM");
        var accountSid = fields.RequiredSid("AccountSid", "AC");
        var messagingServiceSid = fields.Optional("MessagingServiceSid");
        if (messagingServiceSid is not null && !TwilioSid.IsValid(messagingServiceSid, "MG"))
        {
            fields.Errors.Add($"MessagingServiceSid '{messagingServiceSid}' is not a Twilio SID (expected MG followed by 32 hex digits).");
        }

        var from = fields.RequiredWhatsApp("From");
        var to = fields.RequiredWhatsApp("To");
        if (!fields.Contains("Body"))
        {
            // Twilio always sends Body, empty for media-only messages; its absence means this is not Twilio's form.
            fields.Errors.Add("Body is required (it may be empty).");
        }

        var waId = fields.Optional("WaId");
        if (waId is not null && from is not null && waId != from.WaId)
        {
            fields.Errors.Add($"WaId '{waId}' does not match From '{from}'.");
        }

        var numSegments = fields.OptionalInt("NumSegments", 1, 100) ?? 1;
        var media = ParseMedia(fields);

        if (fields.Errors.Count > 0)
        {
            return new TwilioParseResult<TwilioInboundMessage>(null, fields.Errors);
        }

        return new TwilioParseResult<TwilioInboundMessage>(
            new TwilioInboundMessage(
                messageSid, accountSid, messagingServiceSid, from!, to!, fields.Optional("Body") ?? string.Empty,
                fields.Optional("ProfileName"), waId, media, numSegments),
            []);
    }

    private static List<TwilioInboundMedia> ParseMedia(TwilioFormFields fields)
    {
        var media = new List<TwilioInboundMedia>();
        if (fields.Optional("NumMedia") is null)
        {
            fields.Errors.Add("NumMedia is required.");
            return media;
        }

        var count = fields.OptionalInt("NumMedia", 0, MaxMedia) ?? 0;
        for (var i = 0; i < count; i++)
        {
            var url = fields.Required(Name("MediaUrl", i));
            var contentType = fields.Required(Name("MediaContentType", i));
            if (url.Length == 0)
            {
                continue;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                media.Add(new TwilioInboundMedia(uri, contentType));
            }
            else
            {
                fields.Errors.Add($"{Name("MediaUrl", i)} '{url}' is not an absolute http(s) URL.");
            }
        }

        if (fields.Contains(Name("MediaUrl", count)))
        {
            fields.Errors.Add($"NumMedia is {count} but {Name("MediaUrl", count)} is present.");
        }

        return media;
    }

    private static string Name(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);
}
