using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Web.Realtime;

/// <summary>
/// This web node's subscription per brokerage to the brokerage grain's events, fanned out to the node's SignalR
/// connections (one group send per event) and console circuits (in-process handlers).
/// </summary>
public sealed class BrokerageFeed(
    IGrainFactory grains,
    IHubContext<ConsoleHub, IConsoleClient> hub,
    ILogger<BrokerageFeed> logger) : LiveFeed<IBrokerageObserver, BrokerageEvent>(grains, logger)
{
    /// <summary>Well inside <see cref="BrokerageGrain.ObserverExpiry"/>, and quick to heal after a silo restart.</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(15);

    protected override TimeSpan RenewEvery => RenewInterval;

    protected override FeedChannel CreateChannel(string key) => new Channel(this, key);

    protected override Task SubscribeAsync(string key, IBrokerageObserver observer) =>
        Grains.GetGrain<IBrokerageGrain>(key).SubscribeAsync(observer);

    protected override Task UnsubscribeAsync(string key, IBrokerageObserver observer) =>
        Grains.GetGrain<IBrokerageGrain>(key).UnsubscribeAsync(observer);

    private sealed class Channel(BrokerageFeed feed, string brokerageId) : FeedChannel(feed, brokerageId), IBrokerageObserver
    {
        private readonly ConcurrentDictionary<string, string> _assignees = new(StringComparer.Ordinal);

        public void AgentChanged(AgentSnapshot agent)
        {
            Push(feed.Hub.Clients.Group(ConsoleGroups.Brokerage(Key)).AgentChanged(agent));
            Raise(new AgentChangedEvent(agent));
        }

        public void ConversationChanged(ConversationSummary conversation, ChatMessage? message)
        {
            var audience = new List<string>(3)
            {
                ConsoleGroups.Supervisors(Key),
                conversation.AssignedAgentId is { } agentId ? ConsoleGroups.Agent(Key, agentId) : ConsoleGroups.Agents(Key),
            };

            // An agent who just lost the conversation (reassigned, or moved on after a missed SLA) hears it too, so
            // their client can drop it; this node remembers the last assignee it pushed for each conversation.
            var previous = _assignees.TryGetValue(conversation.ConversationId, out var was) ? was : null;
            if (previous is not null && previous != conversation.AssignedAgentId)
            {
                audience.Add(ConsoleGroups.Agent(Key, previous));
            }

            if (conversation.AssignedAgentId is null || conversation.Status == ConversationStatus.Resolved)
            {
                _assignees.TryRemove(conversation.ConversationId, out _);
            }
            else
            {
                _assignees[conversation.ConversationId] = conversation.AssignedAgentId;
            }

            Push(feed.Hub.Clients.Groups(audience).ConversationChanged(conversation, message));
            Raise(new ConversationChangedEvent(conversation, message));
        }

        public void RequestChanged(RequestView request)
        {
            Push(feed.Hub.Clients.Groups(ConsoleGroups.Agent(Key, request.AgentId), ConsoleGroups.Supervisors(Key), ConsoleGroups.Experts(Key))
                .RequestChanged(request));
            Raise(new RequestChangedEvent(request));
        }

        public void OfferChanged(ExpertOffer offer, OfferChange change)
        {
            Push(feed.Hub.Clients.Group(ConsoleGroups.Expert(Key, offer.ExpertId)).OfferChanged(offer, change));
            Raise(new OfferChangedEvent(offer, change));
        }

        /// <summary>Calls are for their agent and the supervisors (who listen in); an unassigned call for every agent.</summary>
        public void VoiceCallChanged(VoiceCallView voiceCall, TranscriptLine? line)
        {
            var agents = voiceCall.AgentId is { } agentId ? ConsoleGroups.Agent(Key, agentId) : ConsoleGroups.Agents(Key);
            Push(feed.Hub.Clients.Groups(agents, ConsoleGroups.Supervisors(Key)).VoiceCallChanged(voiceCall, line));
            Raise(new VoiceCallChangedEvent(voiceCall, line));
        }

        public void AlertRaised(HubAlert alert)
        {
            Push(feed.Hub.Clients.Group(ConsoleGroups.Supervisors(Key)).AlertRaised(alert));
            Raise(new AlertRaisedEvent(alert));
        }
    }

    private IHubContext<ConsoleHub, IConsoleClient> Hub { get; } = hub;
}
