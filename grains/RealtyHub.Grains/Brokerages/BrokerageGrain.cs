using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Routing;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Brokerages;

public sealed class BrokerageGrain(
    [PersistentState("brokerage", GrainStorage.Name)] IPersistentState<BrokerageGrain.State> state,
    IWhatsAppNumbers numbers,
    ILogger<BrokerageGrain> logger) : Grain, IBrokerageGrain
{
    /// <summary>Web nodes renew well within this; a node that died stops receiving after it.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IBrokerageObserver> _observers = new(ObserverExpiry, logger);

    public Task<BrokerageProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task ConfigureAsync(BrokerageProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Name);
        await numbers.ClaimAsync(this.GetPrimaryKeyString(), profile.WhatsAppNumbers);
        state.State = state.State with { Profile = profile };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AgentSnapshot>> GetAgentsAsync() => Task.FromResult(
        state.State.Agents.Values
            .OrderBy(a => a.Profile.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .ToImmutableArray());

    public async Task ReportAgentAsync(AgentSnapshot agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.BrokerageId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Agent '{agent.AgentId}' belongs to another brokerage.", nameof(agent));
        }

        // The roster is a durable cache of the agents' own state so the board lists agents after a restart
        // without activating every agent grain.
        state.State = state.State with { Agents = state.State.Agents.SetItem(agent.AgentId, agent) };
        await state.WriteStateAsync();
        _observers.Notify(o => o.AgentChanged(agent));
        await GrainFactory.GetGrain<IRoutingGrain>(this.GetPrimaryKeyString()).AgentChangedAsync(agent);
        await GrainFactory.GetGrain<ITeamBoardGrain>(this.GetPrimaryKeyString()).AgentChangedAsync(agent);
    }

    public Task PublishConversationAsync(ConversationSummary conversation, ChatMessage? message)
    {
        _observers.Notify(o => o.ConversationChanged(conversation, message));
        return Task.CompletedTask;
    }

    public Task PublishRequestAsync(RequestView request)
    {
        _observers.Notify(o => o.RequestChanged(request));
        return Task.CompletedTask;
    }

    public Task PublishOfferAsync(ExpertOffer offer, OfferChange change)
    {
        _observers.Notify(o => o.OfferChanged(offer, change));
        return Task.CompletedTask;
    }

    public Task PublishVoiceCallAsync(VoiceCallView voiceCall, TranscriptLine? line)
    {
        _observers.Notify(o => o.VoiceCallChanged(voiceCall, line));
        return Task.CompletedTask;
    }

    public Task PublishAlertAsync(HubAlert alert)
    {
        _observers.Notify(o => o.AlertRaised(alert));
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(IBrokerageObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IBrokerageObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    [GenerateSerializer, Alias("realtyhub.brokerage-grain.state")]
    public sealed record State
    {
        [Id(0)] public BrokerageProfile? Profile { get; init; }

        [Id(1)] public ImmutableDictionary<string, AgentSnapshot> Agents { get; init; } =
            ImmutableDictionary<string, AgentSnapshot>.Empty.WithComparers(StringComparer.Ordinal);
    }
}
