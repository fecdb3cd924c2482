using System.Net.WebSockets;
using System.Text;
using RealtyHub.Integrations.Twilio.Voice;
using static RealtyHub.Integrations.Tests.Voice.MediaStreamSamples;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class MediaStreamSocketTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Messages_split_over_several_frames_are_assembled_and_the_sequence_ends_on_close()
    {
        using var pair = await WebSocketPair.CreateAsync();
        var reading = ReadAllAsync(pair.Server, MediaStreamSocket.DefaultMaxMessageBytes);

        await MediaStreamSocket.SendAsync(pair.Client, new MediaStreamConnected());
        await SendInFramesAsync(pair.Client, Utf8(Start), frameBytes: 17);
        await SendInFramesAsync(pair.Client, Utf8(Media), frameBytes: 1);
        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", default);

        var messages = await reading.WaitAsync(Timeout);
        Assert.Equal([typeof(MediaStreamConnected), typeof(MediaStreamStart), typeof(MediaStreamMedia)], messages.Select(m => m.GetType()));
        Assert.Equal("L-42", ((MediaStreamStart)messages[1]).CustomParameters["lead"]);
        Assert.Equal(WebSocketState.Closed, pair.Server.State);
    }

    [Fact]
    public async Task Message_exactly_at_the_limit_is_accepted()
    {
        using var pair = await WebSocketPair.CreateAsync();
        var json = Utf8(Mark);
        var reading = ReadAllAsync(pair.Server, json.Length);

        await SendInFramesAsync(pair.Client, json, frameBytes: 10);
        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);

        Assert.IsType<MediaStreamMark>(Assert.Single(await reading.WaitAsync(Timeout)));
    }

    [Fact]
    public async Task Oversize_message_closes_the_socket_with_1009_and_throws()
    {
        using var pair = await WebSocketPair.CreateAsync();
        var reading = ReadAllAsync(pair.Server, maxMessageBytes: 100);

        await SendInFramesAsync(pair.Client, Utf8(Start), frameBytes: 40);

        var error = await Assert.ThrowsAsync<MediaStreamProtocolException>(() => reading.WaitAsync(Timeout));
        Assert.Contains("larger than the limit of 100 bytes", error.Message, StringComparison.Ordinal);
        var close = await pair.Client.ReceiveAsync(new byte[1024].AsMemory(), default).AsTask().WaitAsync(Timeout);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, pair.Client.CloseStatus);
    }

    [Fact]
    public async Task Binary_message_is_a_protocol_error()
    {
        using var pair = await WebSocketPair.CreateAsync();
        var reading = ReadAllAsync(pair.Server, MediaStreamSocket.DefaultMaxMessageBytes);

        await pair.Client.SendAsync(Utf8(Connected), WebSocketMessageType.Binary, endOfMessage: true, default);

        var error = await Assert.ThrowsAsync<MediaStreamProtocolException>(() => reading.WaitAsync(Timeout));
        Assert.Contains("JSON text messages only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_surfaces_as_a_protocol_error_after_the_good_messages()
    {
        using var pair = await WebSocketPair.CreateAsync();
        var received = new List<MediaStreamMessage>();
        var reading = Task.Run(async () =>
        {
            await foreach (var message in MediaStreamSocket.ReadAsync(pair.Server))
            {
                received.Add(message);
            }
        });

        await MediaStreamSocket.SendAsync(pair.Client, new MediaStreamConnected());
        await pair.Client.SendAsync(Encoding.UTF8.GetBytes("{\"event\":"), WebSocketMessageType.Text, endOfMessage: true, default);

        await Assert.ThrowsAsync<MediaStreamProtocolException>(() => reading.WaitAsync(Timeout));
        Assert.IsType<MediaStreamConnected>(Assert.Single(received));
    }

    private static Task<List<MediaStreamMessage>> ReadAllAsync(WebSocket socket, int maxMessageBytes) =>
        Task.Run(async () =>
        {
            var messages = new List<MediaStreamMessage>();
            await foreach (var message in MediaStreamSocket.ReadAsync(socket, maxMessageBytes))
            {
                messages.Add(message);
            }

            return messages;
        });

    private static async Task SendInFramesAsync(WebSocket socket, byte[] message, int frameBytes)
    {
        for (var offset = 0; offset < message.Length; offset += frameBytes)
        {
            var length = Math.Min(frameBytes, message.Length - offset);
            await socket.SendAsync(message.AsMemory(offset, length), WebSocketMessageType.Text, endOfMessage: offset + length == message.Length, default);
        }
    }
}
