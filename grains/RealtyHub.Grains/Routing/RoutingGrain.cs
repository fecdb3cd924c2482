using System.Collections.Immutable;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Routing;

public sealed class RoutingGrain(
    [PersistentState("routing", GrainStorage.Name)] IPersistentState<RoutingGrain.State> state) : Grain, IRoutingGrain
{
    private string BrokerageId => this.GetPrimaryKeyString();

    public async Task<string?> RouteAsync(QueuedConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (state.State.Assignments.TryGetValue(conversation.ConversationId, out var assigned))
        {
            return assigned;
        }

        if (state.State.Queue.Any(q => q.ConversationId == conversation.ConversationId))
        {
            return null;
        }

        return await AssignOrQueueAsync(conversation, excludedAgentId: null);
    }

    public async Task<string?> ReassignAsync(QueuedConversation conversation, string fromAgentId)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        state.State = state.State with
        {
            Assignments = state.State.Assignments.Remove(conversation.ConversationId),
            Queue = state.State.Queue.RemoveAll(q => q.ConversationId == conversation.ConversationId),
        };
        return await AssignOrQueueAsync(conversation, fromAgentId);
    }

    public async Task AssignedManuallyAsync(string conversationId, string? agentId)
    {
        state.State = state.State with
        {
            Assignments = agentId is null ? state.State.Assignments.Remove(conversationId) : state.State.Assignments.SetItem(conversationId, agentId),
            Queue = state.State.Queue.RemoveAll(q => q.ConversationId == conversationId),
        };
        await state.WriteStateAsync();
        await DrainQueueAsync();
    }

    public async Task ReleaseAsync(string conversationId)
    {
        state.State = state.State with
        {
            Assignments = state.State.Assignments.Remove(conversationId),
            Queue = state.State.Queue.RemoveAll(q => q.ConversationId == conversationId),
        };
        await state.WriteStateAsync();
        await DrainQueueAsync();
    }

    public Task AgentChangedAsync(AgentSnapshot agent) => DrainQueueAsync();

    public Task<RoutingSnapshot> GetAsync() => Task.FromResult(new RoutingSnapshot(OpenByAgent(), [.. state.State.Queue]));

    private async Task<string?> AssignOrQueueAsync(QueuedConversation conversation, string? excludedAgentId)
    {
        var roster = await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetAgentsAsync();
        var agentId = AgentPicker.Pick(roster, OpenByAgent(), conversation.Hints, state.State.LastAssignedAgentId, excludedAgentId);
        state.State = agentId is null
            ? state.State with { Queue = state.State.Queue.Add(conversation) }
            : state.State with
            {
                Assignments = state.State.Assignments.SetItem(conversation.ConversationId, agentId),
                LastAssignedAgentId = agentId,
            };
        await state.WriteStateAsync();
        return agentId;
    }

    /// <summary>Serves the queue oldest first while agents have room; each assignment goes out one-way.</summary>
    private async Task DrainQueueAsync()
    {
        if (state.State.Queue.IsEmpty)
        {
            return;
        }

        var roster = await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetAgentsAsync();
        var assigned = new List<(string ConversationId, string AgentId)>();
        foreach (var waiting in state.State.Queue.OrderBy(q => q.WaitingSince))
        {
            var agentId = AgentPicker.Pick(roster, OpenByAgent(), waiting.Hints, state.State.LastAssignedAgentId);
            if (agentId is null)
            {
                break;
            }

            state.State = state.State with
            {
                Assignments = state.State.Assignments.SetItem(waiting.ConversationId, agentId),
                Queue = state.State.Queue.Remove(waiting),
                LastAssignedAgentId = agentId,
            };
            assigned.Add((waiting.ConversationId, agentId));
        }

        if (assigned.Count == 0)
        {
            return;
        }

        await state.WriteStateAsync();
        foreach (var (conversationId, agentId) in assigned)
        {
            await GrainFactory.GetGrain<IConversationGrain>(GrainKeys.For(BrokerageId, conversationId)).AssignFromRoutingAsync(agentId);
        }
    }

    private ImmutableDictionary<string, int> OpenByAgent() =>
        state.State.Assignments.Values.GroupBy(a => a, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [GenerateSerializer, Alias("realtyhub.routing-grain.state")]
    public sealed record State
    {
        /// <summary>Open conversation (local id) → agent.</summary>
        [Id(0)] public ImmutableDictionary<string, string> Assignments { get; init; } = ImmutableDictionary<string, string>.Empty;

        [Id(1)] public ImmutableList<QueuedConversation> Queue { get; init; } = [];

        [Id(2)] public string? LastAssignedAgentId { get; init; }
    }
}
