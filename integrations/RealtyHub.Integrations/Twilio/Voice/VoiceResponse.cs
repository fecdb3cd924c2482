// Twilio's SDK (with its TwiML classes) is not on our package mirror: this is our own TwiML writer.
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Builds the TwiML document the hub answers a voice webhook with (https://www.twilio.com/docs/voice/twiml):
/// <c>&lt;Response&gt;&lt;Say&gt;…&lt;/Say&gt;&lt;Connect&gt;&lt;Stream url="wss://…"&gt;…&lt;/Stream&gt;&lt;/Connect&gt;&lt;/Response&gt;</c>.
/// Text and attribute values are escaped; text XML cannot carry is refused with <see cref="ArgumentException"/>.
/// </summary>
public sealed class VoiceResponse
{
    /// <summary>The media type Twilio expects TwiML to be served with.</summary>
    public const string ContentType = "text/xml";

    private readonly XElement root = new("Response");
    private string? endedBy;

    /// <summary>Speaks <paramref name="text"/> with text-to-speech (<c>&lt;Say&gt;</c>).</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">Twilio's <c>voice</c> attribute, e.g. <c>Polly.Joanna</c>; Twilio's default when null.</param>
    /// <param name="language">Twilio's <c>language</c> attribute, e.g. <c>en-GB</c>; Twilio's default when null.</param>
    public VoiceResponse Say(string text, string? voice = null, string? language = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var say = new XElement("Say", CheckedText(text, nameof(text)));
        AddAttribute(say, "voice", voice, nameof(voice));
        AddAttribute(say, "language", language, nameof(language));
        return Append(say);
    }

    /// <summary>Waits silently (<c>&lt;Pause length="n"/&gt;</c>).</summary>
    public VoiceResponse Pause(int seconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        return Append(new XElement("Pause", new XAttribute("length", seconds.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Streams the call's audio to the hub's WebSocket (<c>&lt;Connect&gt;&lt;Stream url&gt;</c>, a bidirectional Media
    /// Stream: https://www.twilio.com/docs/voice/twiml/stream). The call stays connected until the hub closes the socket.
    /// </summary>
    /// <param name="url">The WebSocket URL. Twilio itself only connects to <c>wss://</c>; <c>ws://</c> is accepted for local emulation.</param>
    /// <param name="parameters">Custom parameters, delivered in the stream's <c>start</c> message as <c>customParameters</c>.</param>
    /// <param name="name">An optional name for the stream, unique within the call.</param>
    public VoiceResponse ConnectStream(Uri url, IEnumerable<KeyValuePair<string, string>>? parameters = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != "wss" && url.Scheme != "ws"))
        {
            throw new ArgumentException($"The stream URL '{url}' must be an absolute wss:// (or ws:// for local emulation) URL.", nameof(url));
        }

        if (url.Query.Length > 0)
        {
            // Twilio drops query strings from stream URLs: values must travel as <Parameter> elements instead.
            throw new ArgumentException($"The stream URL '{url}' has a query string, which Twilio does not pass on; use parameters instead.", nameof(url));
        }

        var stream = new XElement("Stream", new XAttribute("url", url.AbsoluteUri));
        AddAttribute(stream, "name", name, nameof(name));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters ?? [])
        {
            if (string.IsNullOrEmpty(key) || !seen.Add(key))
            {
                throw new ArgumentException($"Stream parameter names must be non-empty and unique; '{key}' is not.", nameof(parameters));
            }

            stream.Add(new XElement(
                "Parameter",
                new XAttribute("name", CheckedText(key, nameof(parameters))),
                new XAttribute("value", CheckedText(value ?? string.Empty, nameof(parameters)))));
        }

        return Append(new XElement("Connect", stream));
    }

    /// <summary>
    /// Refuses the call without answering it (<c>&lt;Reject/&gt;</c>); only as the first verb does Twilio not pick up.
    /// Nothing can follow it.
    /// </summary>
    public VoiceResponse Reject(TwilioRejectReason reason = TwilioRejectReason.Rejected)
    {
        var reject = new XElement("Reject");
        if (reason == TwilioRejectReason.Busy)
        {
            reject.Add(new XAttribute("reason", "busy"));
        }

        Append(reject);
        endedBy = "Reject";
        return this;
    }

    /// <summary>Ends the call (<c>&lt;Hangup/&gt;</c>). Nothing can follow it.</summary>
    public VoiceResponse Hangup()
    {
        Append(new XElement("Hangup"));
        endedBy = "Hangup";
        return this;
    }

    /// <summary>The TwiML document, with its XML declaration, unindented.</summary>
    public string ToXml() => """<?xml version="1.0" encoding="UTF-8"?>""" + root.ToString(SaveOptions.DisableFormatting);

    /// <inheritdoc cref="ToXml"/>
    public override string ToString() => ToXml();

    private VoiceResponse Append(XElement verb)
    {
        if (endedBy is not null)
        {
            throw new InvalidOperationException($"<{verb.Name}> would never run: the response already ends with <{endedBy}>.");
        }

        root.Add(verb);
        return this;
    }

    private static void AddAttribute(XElement element, string name, string? value, string parameterName)
    {
        if (value is not null)
        {
            element.Add(new XAttribute(name, CheckedText(value, parameterName)));
        }
    }

    private static string CheckedText(string text, string parameterName)
    {
        try
        {
            return XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"'{text}' contains a character XML cannot carry ({ex.Message}).", parameterName, ex);
        }
    }
}
