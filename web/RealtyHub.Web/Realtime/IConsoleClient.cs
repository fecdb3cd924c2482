using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Web.Realtime;

/// <summary>What the server pushes to console clients over <c>/hubs/console</c>.</summary>
public interface IConsoleClient
{
    /// <summary>An agent of the caller's brokerage changed presence or profile.</summary>
    Task AgentChanged(AgentSnapshot agent);

    /// <summary>
    /// A conversation changed; <paramref name="message"/> is the new or updated message. Supervisors hear about every
    /// conversation of their brokerage, agents about unassigned ones and their own (as in the inbox).
    /// </summary>
    Task ConversationChanged(ConversationSummary conversation, ChatMessage? message);

    /// <summary>An alert for supervisors (only supervisors and owners receive it).</summary>
    Task AlertRaised(HubAlert alert);

    /// <summary>The team board changed (supervisors and owners only; at most a few times per second).</summary>
    Task BoardChanged(BoardSnapshot board);

    /// <summary>An AI request changed: its agent, the brokerage's experts and supervisors hear it.</summary>
    Task RequestChanged(RequestView request);

    /// <summary>An offer to the connected expert was made, accepted, declined, expired or withdrawn.</summary>
    Task OfferChanged(ExpertOffer offer, OfferChange change);

    /// <summary>
    /// A live call changed (<paramref name="voiceCall"/> comes without its lines) or has a new transcript line, partial
    /// (replaced later by the final line with the same sequence) or final. Its agent and the supervisors hear it.
    /// </summary>
    Task VoiceCallChanged(VoiceCallView voiceCall, TranscriptLine? line);
}
