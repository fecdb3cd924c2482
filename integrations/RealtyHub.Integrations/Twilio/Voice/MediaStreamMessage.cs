namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// One JSON message of a Twilio Media Stream WebSocket (https://www.twilio.com/docs/voice/media-streams/websocket-messages).
/// Read them with <see cref="MediaStreamParser"/> or <see cref="MediaStreamSocket.ReadAsync"/>, write them with
/// <see cref="MediaStreamSerializer"/> or <see cref="MediaStreamSocket.SendAsync"/>.
/// </summary>
public abstract record MediaStreamMessage
{
    private protected MediaStreamMessage()
    {
    }

    /// <summary>The message's <c>event</c> name on the wire (<see cref="MediaStreamEvents"/>).</summary>
    public abstract string EventName { get; }
}
