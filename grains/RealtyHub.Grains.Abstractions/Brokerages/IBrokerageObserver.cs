using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Brokerages;

/// <summary>
/// Implemented once per web node per brokerage it serves; the node fans events out to its own SignalR
/// connections and console circuits. Grains never hold connections.
/// </summary>
[Alias("realtyhub.brokerage-observer")]
public interface IBrokerageObserver : IGrainObserver
{
    /// <summary>An agent's presence or profile changed.</summary>
    [Alias("agent-changed")]
    void AgentChanged(AgentSnapshot agent);

    /// <summary>A conversation changed; <paramref name="message"/> is the message added or updated, if any.</summary>
    [Alias("conversation-changed")]
    void ConversationChanged(ConversationSummary conversation, ChatMessage? message);

    /// <summary>An AI request changed state or content.</summary>
    [Alias("request-changed")]
    void RequestChanged(RequestView request);

    /// <summary>An offer to an expert was made, accepted, declined, expired or withdrawn.</summary>
    [Alias("offer-changed")]
    void OfferChanged(ExpertOffer offer, OfferChange change);

    /// <summary>
    /// A live call changed (<paramref name="voiceCall"/> without its lines) or has a new transcript line, partial or final.
    /// </summary>
    [Alias("voice-call-changed")]
    void VoiceCallChanged(VoiceCallView voiceCall, TranscriptLine? line);

    /// <summary>An alert for the brokerage's supervisors.</summary>
    [Alias("alert-raised")]
    void AlertRaised(HubAlert alert);
}
