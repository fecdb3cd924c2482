namespace RealtyHub.Grains.Data;

/// <summary>One document of a brokerage's knowledge base (a policy, a script, an area guide), as uploaded: Markdown or plain text.</summary>
public sealed record KnowledgeDocument(
    string BrokerageId,
    string DocumentId,
    string Title,
    string Body,
    string FileName,
    string UploadedBy,
    DateTimeOffset UploadedAt);
