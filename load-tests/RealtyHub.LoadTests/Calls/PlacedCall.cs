namespace RealtyHub.LoadTests.Calls;

/// <summary>One call as Twilio would identify it to the hub.</summary>
public sealed record PlacedCall(string CallSid, string From, string To, Uri WebNode);
