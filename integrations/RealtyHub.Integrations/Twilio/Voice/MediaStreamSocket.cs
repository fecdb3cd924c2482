// Twilio's SDK is not on our package mirror: our own Media Streams WebSocket framing.
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Media Stream messages over a <see cref="WebSocket"/>: one JSON text message per WebSocket message, which may
/// arrive in several frames. Works for either end (the hub's server socket, the emulator's client socket).
/// </summary>
public static class MediaStreamSocket
{
    /// <summary>
    /// A limit that fits every message Twilio sends (a 20 ms media message is about 400 bytes, a start message with
    /// custom parameters a few KB) with room to spare.
    /// </summary>
    public const int DefaultMaxMessageBytes = 64 * 1024;

    private const int InitialBufferBytes = 4 * 1024;

    /// <summary>
    /// The messages as they arrive, until the peer closes the socket (the close handshake is answered, then the
    /// sequence ends). A message larger than <paramref name="maxMessageBytes"/> or a binary message closes the socket
    /// with 1009/1003 and throws <see cref="MediaStreamProtocolException"/>; so does a message that does not parse.
    /// A connection dropped without a close handshake surfaces as <see cref="WebSocketException"/>.
    /// </summary>
    public static async IAsyncEnumerable<MediaStreamMessage> ReadAsync(
        WebSocket socket, int maxMessageBytes = DefaultMaxMessageBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 64);
        var buffer = new byte[Math.Min(InitialBufferBytes, maxMessageBytes)];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxMessageBytes)
                    {
                        await CloseQuietlyAsync(socket, WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                        throw new MediaStreamProtocolException(
                            $"A Media Stream WebSocket message is larger than the limit of {maxMessageBytes} bytes; the socket was closed.");
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxMessageBytes));
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(socket, socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    yield break;
                }

                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType != WebSocketMessageType.Text)
            {
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.InvalidMessageType, "Text messages only", cancellationToken);
                throw new MediaStreamProtocolException(
                    $"A Media Stream WebSocket message was {result.MessageType}; the protocol sends JSON text messages only. The socket was closed.");
            }

            yield return MediaStreamParser.Parse(buffer.AsSpan(0, length));
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> as one text message. Like every <see cref="WebSocket"/> send, calls must not overlap:
    /// a caller that sends from several tasks serialises them.
    /// </summary>
    public static async Task SendAsync(WebSocket socket, MediaStreamMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(message);
        await socket.SendAsync(MediaStreamSerializer.Serialize(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await socket.CloseOutputAsync(status, description, cancellationToken);
        }
        catch (WebSocketException)
        {
            // The peer is already gone; there is nobody left to tell.
        }
    }
}
