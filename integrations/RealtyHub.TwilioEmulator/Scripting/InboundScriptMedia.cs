namespace RealtyHub.TwilioEmulator.Scripting;

/// <summary>One attachment in an <see cref="InboundScriptRequest"/>: its type and Base64 content.</summary>
public sealed record InboundScriptMedia(string ContentType, string Base64);
