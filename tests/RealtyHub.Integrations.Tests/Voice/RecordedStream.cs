using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>What the stand-in hub received on one Media Stream WebSocket, and whether its handshake was signed correctly.</summary>
public sealed class RecordedStream
{
    private readonly Lock gate = new();
    private readonly List<MediaStreamMessage> messages = [];
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HandshakeSignatureValid { get; set; }

    public IReadOnlyList<MediaStreamMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public Task Ended => ended.Task;

    public void Add(MediaStreamMessage message)
    {
        lock (gate)
        {
            messages.Add(message);
        }
    }

    public void End() => ended.TrySetResult();
}
