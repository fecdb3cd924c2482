using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

public sealed partial class AiRequestGrain
{
    [GenerateSerializer, Alias("realtyhub.ai-request-grain.state")]
    public sealed record State
    {
        [Id(0)] public string? AgentId { get; init; }

        [Id(1)] public string AgentName { get; init; } = string.Empty;

        [Id(2)] public string Text { get; init; } = string.Empty;

        [Id(3)] public RequestPriority Priority { get; init; }

        [Id(4)] public string Source { get; init; } = "console";

        [Id(5)] public RequestState Current { get; init; }

        [Id(6)] public RequestKind? Kind { get; init; }

        [Id(7)] public RequestEntities Entities { get; init; } = RequestEntities.None;

        [Id(8)] public DateTimeOffset CreatedAt { get; init; }

        [Id(9)] public RequestDraft? Draft { get; init; }

        [Id(10)] public ImmutableArray<ComplianceFinding> Findings { get; init; } = [];

        [Id(11)] public string? ExpertId { get; init; }

        [Id(12)] public string? ExpertName { get; init; }

        [Id(13)] public string? Question { get; init; }

        [Id(14)] public ImmutableList<string> Answers { get; init; } = [];

        [Id(15)] public RequestDraft? Deliverable { get; init; }

        [Id(16)] public int? Rating { get; init; }

        [Id(17)] public string? Feedback { get; init; }

        [Id(18)] public string? Failure { get; init; }

        /// <summary>The step a NeedsInfo or Failed request goes back to.</summary>
        [Id(19)] public RequestState? ResumeAt { get; init; }

        [Id(20)] public ImmutableList<RequestEvent> Timeline { get; init; } = [];

        /// <summary>The delivery SLA passed while an expert held it (reported to the board once).</summary>
        [Id(21)] public bool SlaBreached { get; init; }

        /// <summary>The agent's recorded request, when it was spoken.</summary>
        [Id(22)] public string? VoiceMediaId { get; init; }

        public bool Exists => AgentId is not null;

        public State Enter(RequestState next, string actor, string? note, DateTimeOffset at) => this with
        {
            Current = next,
            Timeline = Timeline.Add(new RequestEvent(Timeline.Count + 1, at, next, actor, note)),
        };
    }
}
