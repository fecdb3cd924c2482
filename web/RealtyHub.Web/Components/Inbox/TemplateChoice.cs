using System.Collections.Immutable;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>A template with its placeholders filled in (keys "1", "2"… as Twilio's ContentVariables), and the text the client will read.</summary>
public sealed record TemplateChoice(WhatsAppTemplate Template, ImmutableDictionary<string, string> Variables, string Preview);
