using System.Xml;
using System.Xml.Linq;
using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// Follows the subset of TwiML a live-call hub answers with (https://www.twilio.com/docs/voice/twiml): <c>&lt;Say&gt;</c>,
/// <c>&lt;Pause&gt;</c>, <c>&lt;Connect&gt;&lt;Stream&gt;</c>, <c>&lt;Reject&gt;</c>, <c>&lt;Hangup&gt;</c>.
/// </summary>
internal static class TwimlReader
{
    /// <exception cref="FormatException">Not XML, not a <c>&lt;Response&gt;</c>, an unsupported verb, a bad stream URL.</exception>
    public static TwimlPlan Read(string twiml)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(twiml).Root!;
        }
        catch (XmlException ex)
        {
            throw new FormatException($"The hub's answer is not XML: {ex.Message}", ex);
        }

        if (root.Name.LocalName != "Response")
        {
            throw new FormatException($"TwiML must have a <Response> root, not <{root.Name.LocalName}>.");
        }

        var said = new List<string>();
        foreach (var verb in root.Elements())
        {
            switch (verb.Name.LocalName)
            {
                case "Say":
                    said.Add(verb.Value);
                    break;
                case "Pause":
                    break;
                case "Reject":
                    var busy = (string?)verb.Attribute("reason") == "busy";
                    return Plan(TwimlOutcome.Reject, said, busy ? TwilioRejectReason.Busy : TwilioRejectReason.Rejected);
                case "Hangup":
                    return Plan(TwimlOutcome.Hangup, said);
                case "Connect":
                    return ReadConnect(verb, said);
                default:
                    throw new FormatException($"The emulator does not support the TwiML verb <{verb.Name.LocalName}>.");
            }
        }

        return Plan(TwimlOutcome.EndOfDocument, said);
    }

    private static TwimlPlan ReadConnect(XElement connect, List<string> said)
    {
        var stream = connect.Element("Stream")
            ?? throw new FormatException("<Connect> has no <Stream>; the emulator only connects Media Streams.");
        var url = (string?)stream.Attribute("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var streamUrl) || (streamUrl.Scheme != "wss" && streamUrl.Scheme != "ws"))
        {
            throw new FormatException($"<Stream url=\"{url}\"> is not an absolute wss:// (or ws://) URL.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in stream.Elements("Parameter"))
        {
            var name = (string?)parameter.Attribute("name");
            if (string.IsNullOrEmpty(name))
            {
                throw new FormatException("A <Parameter> of <Stream> has no name.");
            }

            parameters[name] = (string?)parameter.Attribute("value") ?? string.Empty;
        }

        return new TwimlPlan(TwimlOutcome.Stream, TwilioRejectReason.Rejected, streamUrl, parameters, said);
    }

    private static TwimlPlan Plan(TwimlOutcome outcome, List<string> said, TwilioRejectReason reason = TwilioRejectReason.Rejected) =>
        new(outcome, reason, null, new Dictionary<string, string>(), said);
}
