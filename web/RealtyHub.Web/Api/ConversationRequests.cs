using RealtyHub.Grains.Conversations;

namespace RealtyHub.Web.Api;

/// <summary>
/// Body of <c>POST .../conversations/{id}/replies</c>: free text, or a template with its variables
/// (<c>{"1": "Sara"}</c>). Retrying with the same <see cref="IdempotencyKey"/> never sends twice.
/// </summary>
public sealed record ReplyBody(string? Body, string? TemplateSid, Dictionary<string, string>? Variables, string? IdempotencyKey);

/// <summary>Body of <c>PUT .../conversations/{id}/assignment</c>; <c>null</c> agent = back to unassigned.</summary>
public sealed record AssignmentBody(string? AgentId);

/// <summary>Body of <c>PUT .../conversations/{id}/status</c>.</summary>
public sealed record StatusBody(ConversationStatus? Status);
