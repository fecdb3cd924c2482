namespace RealtyHub.Grains.Data;

/// <summary>
/// A knowledge document without its body, for lists; a search fills <see cref="Snippet"/> (plain text, matches marked
/// «like this») and <see cref="Rank"/> (higher is better; a title match weighs more than a body match).
/// </summary>
public sealed record KnowledgeDocumentSummary(
    string DocumentId,
    string Title,
    string FileName,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    int Length,
    string? Snippet = null,
    double? Rank = null);
