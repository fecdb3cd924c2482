namespace RealtyHub.Grains.Data;

/// <summary>A document to add; without <see cref="DocumentId"/> the knowledge base gives it a short random one.</summary>
public sealed record NewKnowledgeDocument(
    string BrokerageId,
    string Title,
    string Body,
    string FileName,
    string UploadedBy,
    string? DocumentId = null);
