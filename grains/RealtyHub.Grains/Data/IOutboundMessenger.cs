using System.Collections.Immutable;

namespace RealtyHub.Grains.Data;

/// <summary>An outbound WhatsApp message to hand to the provider; <see cref="MessageId"/> is also its idempotency key.</summary>
public sealed record OutboundWhatsApp(
    string BrokerageId,
    string ConversationId,
    string MessageId,
    string FromPhone,
    string ToPhone,
    string? Body,
    string? TemplateSid,
    ImmutableDictionary<string, string>? TemplateVariables);

/// <summary>
/// Takes outbound messages off the grain's turn: the host sends them (with retries) and reports back to the
/// conversation grain. The message row is already stored as Queued, so a crash before sending is recovered by a sweep.
/// </summary>
public interface IOutboundMessenger
{
    ValueTask EnqueueAsync(OutboundWhatsApp message, CancellationToken cancellationToken = default);
}
