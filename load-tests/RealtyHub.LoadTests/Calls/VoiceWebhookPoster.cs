using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using RealtyHub.Integrations.Twilio;
using RealtyHub.LoadTests.Environment;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// Twilio's side of a call's webhooks, signed with the hub's auth token over the exact URL posted to (as the webhook
/// flood does): the incoming-call POST, whose TwiML names the media stream, and the final status callback.
/// </summary>
public sealed class VoiceWebhookPoster(HttpClient http)
{
    private const string AnswerPath = "webhooks/twilio/voice";
    private const string StatusPath = "webhooks/twilio/voice/status";

    /// <summary>Posts the incoming call; throws <see cref="InvalidOperationException"/> when the hub does not connect a stream.</summary>
    public async Task<StreamInstruction> AnswerAsync(PlacedCall call, CancellationToken cancellationToken)
    {
        var body = await PostAsync(call, AnswerPath, Form(call, "ringing"), cancellationToken);
        return ReadStream(body);
    }

    /// <summary>The call's final status callback, which ends the session on the hub if the stream's stop has not already.</summary>
    public async Task CompletedAsync(PlacedCall call, TimeSpan duration, CancellationToken cancellationToken)
    {
        var form = Form(call, "completed");
        form["CallDuration"] = ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await PostAsync(call, StatusPath, form, cancellationToken);
    }

    private static Dictionary<string, string> Form(PlacedCall call, string status) => new()
    {
        ["CallSid"] = call.CallSid,
        ["AccountSid"] = HubEnvironment.DemoAccountSid,
        ["From"] = call.From,
        ["To"] = call.To,
        ["CallStatus"] = status,
        ["Direction"] = "inbound",
        ["ApiVersion"] = "2010-04-01",
        ["CallerName"] = "Load Caller",
    };

    private async Task<string> PostAsync(PlacedCall call, string path, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var url = new Uri(call.WebNode, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(HubEnvironment.DemoAuthToken, url.ToString(), form));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"POST /{path} for {call.CallSid} answered {(int)response.StatusCode}: {body}"));
        }

        return body;
    }

    private static StreamInstruction ReadStream(string twiml)
    {
        XElement? stream;
        try
        {
            stream = XDocument.Parse(twiml).Root?.Element("Connect")?.Element("Stream");
        }
        catch (XmlException ex)
        {
            throw new InvalidOperationException($"The hub answered the call with malformed TwiML ({ex.Message}).", ex);
        }

        if (stream?.Attribute("url")?.Value is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var streamUrl))
        {
            // An unknown number is answered with <Say>…<Hangup/>: the text says which.
            throw new InvalidOperationException($"The hub's TwiML connects no media stream: {twiml}");
        }

        var parameters = stream.Elements("Parameter")
            .ToDictionary(p => (string?)p.Attribute("name") ?? string.Empty, p => (string?)p.Attribute("value") ?? string.Empty, StringComparer.Ordinal);
        return new StreamInstruction(streamUrl, parameters);
    }
}
