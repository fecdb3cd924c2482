using System.Collections.Immutable;

namespace RealtyHub.Grains.Conversations;

/// <summary>A client's WhatsApp message as accepted by the webhook (phones are E.164, media already stored).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.inbound-whatsapp")]
public sealed record InboundWhatsApp(
    [property: Id(0)] string MessageSid,
    [property: Id(1)] string ClientPhone,
    [property: Id(2)] string BusinessPhone,
    [property: Id(3)] string? ProfileName,
    [property: Id(4)] string? Body,
    [property: Id(5)] ImmutableArray<MediaAttachment> Media,
    [property: Id(6)] DateTimeOffset ReceivedAt);
