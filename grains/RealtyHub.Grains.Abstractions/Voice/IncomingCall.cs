namespace RealtyHub.Grains.Voice;

/// <summary>A client's call to a brokerage number, as Twilio's voice webhook announced it.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.incoming-call")]
public sealed record IncomingCall(
    [property: Id(0)] string CallSid,
    [property: Id(1)] string ClientPhone,
    [property: Id(2)] string BusinessPhone,
    [property: Id(3)] string? CallerName,
    [property: Id(4)] DateTimeOffset At);
