using System.Threading.Channels;
using RealtyHub.Grains.Data;

namespace RealtyHub.Hosting.Messaging;

/// <summary>
/// Where conversation grains drop outbound messages: an in-memory channel drained by <see cref="WhatsAppSender"/>,
/// so a grain's turn never waits on Twilio. The messages are already stored as Queued, so nothing is lost if
/// the process stops before sending: <see cref="WhatsAppSender"/>'s sweep sends it again.
/// </summary>
public sealed class WhatsAppOutbox : IOutboundMessenger
{
    private readonly Channel<OutboundWhatsApp> _channel = Channel.CreateUnbounded<OutboundWhatsApp>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    public ChannelReader<OutboundWhatsApp> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(OutboundWhatsApp message, CancellationToken cancellationToken = default) =>
        _channel.Writer.WriteAsync(message, cancellationToken);
}
