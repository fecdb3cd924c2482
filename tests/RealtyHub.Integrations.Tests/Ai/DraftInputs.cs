using System.Collections.Immutable;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>Draft inputs as the hub would collect them: a lead, a short WhatsApp exchange, two knowledge snippets.</summary>
public static class DraftInputs
{
    public static readonly LeadSnapshot Lead = new(
        "b-ai", "lead-7", new LeadDetails("Sara Al Mansoori", "+971501234567", "whatsapp", "Dubai Marina", 2_500_000m, "Wants sea view"),
        LeadStage.Viewing, "agent-1", new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero), null);

    public static readonly IReadOnlyList<ChatMessage> Conversation =
    [
        Message("m1", MessageDirection.Inbound, "Hi, is the villa still available?", 9, 0),
        Message("m2", MessageDirection.Outbound, "Yes it is! When would you like to view?", 9, 5),
        Message("m3", MessageDirection.Inbound, "Could we see it on Saturday?\nAlso what are the service charges?", 9, 12),
    ];

    public static readonly IReadOnlyList<KnowledgeHit> Knowledge =
    [
        new("doc-rera", "RERA advertising rules", "Every advert must show the Trakheesi permit number and the broker's ORN.", 0.9),
        new("doc-marina", "Dubai Marina area guide", "Marina villas are rare; most stock is apartments in towers.", 0.5),
    ];

    public static DraftInput For(RequestKind kind, string text, RequestEntities? entities = null, bool withData = true) => new(
        "b-ai",
        "Marina Realty Dubai",
        "Omar Farouk",
        text,
        kind,
        entities ?? RequestEntities.None,
        withData ? Lead : null,
        withData ? Conversation : [],
        withData ? Knowledge : [],
        []);

    private static ChatMessage Message(string id, MessageDirection direction, string body, int hour, int minute) =>
        new(id, direction, body, ImmutableArray<MediaAttachment>.Empty, new DateTimeOffset(2026, 3, 1, hour, minute, 0, TimeSpan.Zero), DeliveryStatus.Delivered);
}
