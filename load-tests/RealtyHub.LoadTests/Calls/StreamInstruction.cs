namespace RealtyHub.LoadTests.Calls;

/// <summary>The hub's answer to a call: the TwiML <c>&lt;Connect&gt;&lt;Stream url&gt;</c> and its <c>&lt;Parameter&gt;</c>s.</summary>
public sealed record StreamInstruction(Uri Url, IReadOnlyDictionary<string, string> Parameters);
