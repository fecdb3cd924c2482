namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary><c>{"event":"connected","protocol":"Call","version":"1.0.0"}</c>: the first message after the socket opens.</summary>
/// <param name="Protocol">The protocol for the socket's lifetime; <c>Call</c>.</param>
/// <param name="Version">Its semantic version, <c>1.0.0</c>.</param>
public sealed record MediaStreamConnected(string Protocol = "Call", string Version = "1.0.0") : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Connected;
}
