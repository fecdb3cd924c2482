using System.Collections.Immutable;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Brokerages;

/// <summary>A brokerage (tenant): its settings, its agent roster and its live event feed. Key: the brokerage id.</summary>
[Alias("realtyhub.brokerage")]
public interface IBrokerageGrain : IGrainWithStringKey
{
    /// <summary>The brokerage's settings, or <c>null</c> if it has not been set up.</summary>
    [Alias("get-profile")]
    Task<BrokerageProfile?> GetProfileAsync();

    /// <summary>Creates or updates the brokerage's settings.</summary>
    [Alias("configure")]
    Task ConfigureAsync(BrokerageProfile profile);

    /// <summary>The roster: every enrolled agent with their last known presence, ordered by name.</summary>
    [Alias("get-agents")]
    Task<ImmutableArray<AgentSnapshot>> GetAgentsAsync();

    /// <summary>Called by an agent grain of this brokerage whenever the agent changes.</summary>
    [Alias("report-agent")]
    Task ReportAgentAsync(AgentSnapshot agent);

    /// <summary>Relays a conversation change to every subscribed web node. One-way: publishers never wait on delivery.</summary>
    [Alias("publish-conversation"), OneWay]
    Task PublishConversationAsync(ConversationSummary conversation, ChatMessage? message);

    /// <summary>Relays an AI request's change (to its agent, the experts and supervisors).</summary>
    [Alias("publish-request"), OneWay]
    Task PublishRequestAsync(RequestView request);

    /// <summary>Relays an offer's change to the expert it was made to.</summary>
    [Alias("publish-offer"), OneWay]
    Task PublishOfferAsync(ExpertOffer offer, OfferChange change);

    /// <summary>Relays a live call's change or transcript line (to its agent and the supervisors).</summary>
    [Alias("publish-voice-call"), OneWay]
    Task PublishVoiceCallAsync(VoiceCallView voiceCall, TranscriptLine? line);

    /// <summary>Relays an alert to every subscribed web node.</summary>
    [Alias("publish-alert"), OneWay]
    Task PublishAlertAsync(HubAlert alert);

    /// <summary>Subscribes (or renews) an observer; subscriptions expire unless renewed, so callers renew periodically.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IBrokerageObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IBrokerageObserver observer);
}
