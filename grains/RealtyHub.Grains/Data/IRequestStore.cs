using RealtyHub.Grains.Requests;

namespace RealtyHub.Grains.Data;

/// <summary>A request as lists show it (<c>requests</c> table).</summary>
public sealed record RequestListItem(
    string RequestId, string AgentId, string? ExpertId, RequestState State, RequestKind? Kind, RequestPriority Priority,
    string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int? Rating);

/// <summary>Requests in PostgreSQL: the list copy of each request grain and the append-only event log.</summary>
public interface IRequestStore
{
    /// <summary>Stores the request's list row and any of its events not stored yet (idempotent).</summary>
    Task SaveAsync(RequestView request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RequestListItem>> ListForAgentAsync(string brokerageId, string agentId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RequestListItem>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RequestEvent>> EventsAsync(string brokerageId, string requestId, CancellationToken cancellationToken = default);
}
