using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Grains.Data;

/// <summary>The brokerage's documents in PostgreSQL (<c>knowledge_documents</c>), searched with full-text search.</summary>
public interface IKnowledgeBase : IKnowledgeSearch
{
    /// <summary>
    /// Stores a document and returns it. A given <see cref="NewKnowledgeDocument.DocumentId"/> that exists already
    /// leaves the stored document as it is and returns that one, so seeding can run again.
    /// </summary>
    Task<KnowledgeDocument> AddAsync(NewKnowledgeDocument document, CancellationToken cancellationToken = default);

    /// <summary>The brokerage's documents by title, without their bodies.</summary>
    Task<IReadOnlyList<KnowledgeDocumentSummary>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents matching <paramref name="query"/> (web-search syntax: words, "a phrase", -excluded, or), best first,
    /// each with a snippet; nothing for a blank query.
    /// </summary>
    Task<IReadOnlyList<KnowledgeDocumentSummary>> FindAsync(string brokerageId, string query, int limit, CancellationToken cancellationToken = default);

    Task<KnowledgeDocument?> GetAsync(string brokerageId, string documentId, CancellationToken cancellationToken = default);

    /// <summary>Removes a document; <c>false</c> when there was none.</summary>
    Task<bool> DeleteAsync(string brokerageId, string documentId, CancellationToken cancellationToken = default);
}
