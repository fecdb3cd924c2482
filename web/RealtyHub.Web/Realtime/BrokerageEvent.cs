using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Web.Realtime;

/// <summary>A live event of one brokerage, as console components receive it from <see cref="BrokerageFeed"/>.</summary>
public abstract record BrokerageEvent;

public sealed record AgentChangedEvent(AgentSnapshot Agent) : BrokerageEvent;

public sealed record ConversationChangedEvent(ConversationSummary Conversation, ChatMessage? Message) : BrokerageEvent;

public sealed record AlertRaisedEvent(HubAlert Alert) : BrokerageEvent;

public sealed record RequestChangedEvent(RequestView Request) : BrokerageEvent;

public sealed record OfferChangedEvent(ExpertOffer Offer, OfferChange Change) : BrokerageEvent;

/// <summary>A live call changed (the call comes without its lines) or has a new transcript line.</summary>
public sealed record VoiceCallChangedEvent(VoiceCallView Call, TranscriptLine? Line) : BrokerageEvent;
