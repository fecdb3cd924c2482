using System.Security.Cryptography;
using Dapper;
using Npgsql;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Grains.Data;

internal sealed class KnowledgeBase(NpgsqlDataSource database, TimeProvider clock) : IKnowledgeBase
{
    public const int MaxResults = 50;
    public const int MaxQueryLength = 200;

    // Plain text, never HTML: snippets are shown as text and handed to an LLM, so matches are marked with « ».
    private const string HeadlineOptions = "StartSel=«, StopSel=», MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    private const string SummaryColumns =
        """
        d.document_id as DocumentId, d.title as Title, d.file_name as FileName, d.uploaded_by as UploadedBy,
        d.uploaded_at as UploadedAt, length(d.body) as Length
        """;

    public async Task<KnowledgeDocument> AddAsync(NewKnowledgeDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentId = document.DocumentId ?? NewId();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into knowledge_documents (brokerage_id, document_id, title, body, file_name, uploaded_by, uploaded_at)
                values (@BrokerageId, @documentId, @Title, @Body, @FileName, @UploadedBy, @now)
                on conflict (brokerage_id, document_id) do nothing
                """,
                new { document.BrokerageId, documentId, document.Title, document.Body, document.FileName, document.UploadedBy, now = clock.GetUtcNow() },
                cancellationToken: cancellationToken));
        }

        return await GetAsync(document.BrokerageId, documentId, cancellationToken)
            ?? throw new InvalidOperationException($"Knowledge document {documentId} vanished right after it was stored.");
    }

    public async Task<IReadOnlyList<KnowledgeDocumentSummary>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"select {SummaryColumns}, null as Snippet, null::float8 as Rank from knowledge_documents d where d.brokerage_id = @brokerageId order by lower(d.title), d.document_id limit @limit",
            new { brokerageId, limit = Math.Clamp(limit, 1, 500) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<KnowledgeDocumentSummary>> FindAsync(string brokerageId, string query, int limit, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Rank and cut first, then build headlines for the few survivors only: ts_headline re-parses the whole body.
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            with q as (select websearch_to_tsquery('english'::regconfig, @text) as query),
            hits as (
                select d.document_id, ts_rank_cd(d.search, q.query)::float8 as rank
                from knowledge_documents d, q
                where d.brokerage_id = @brokerageId and d.search @@ q.query
                order by rank desc, d.document_id
                limit @limit)
            select {SummaryColumns}, ts_headline('english'::regconfig, d.body, q.query, @options) as Snippet, hits.rank as Rank
            from hits
            join knowledge_documents d on d.brokerage_id = @brokerageId and d.document_id = hits.document_id
            cross join q
            order by hits.rank desc, lower(d.title)
            """,
            new { brokerageId, text = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text, limit = Math.Clamp(limit, 1, MaxResults), options = HeadlineOptions },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string brokerageId, string query, int limit, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(brokerageId, query, limit, cancellationToken);
        return [.. found.Select(d => new KnowledgeHit(d.DocumentId, d.Title, d.Snippet ?? string.Empty, d.Rank ?? 0))];
    }

    public async Task<KnowledgeDocument?> GetAsync(string brokerageId, string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            """
            select brokerage_id as BrokerageId, document_id as DocumentId, title as Title, body as Body, file_name as FileName,
                   uploaded_by as UploadedBy, uploaded_at as UploadedAt
            from knowledge_documents where brokerage_id = @brokerageId and document_id = @documentId
            """,
            new { brokerageId, documentId },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new KnowledgeDocument(row.BrokerageId, row.DocumentId, row.Title, row.Body, row.FileName, row.UploadedBy, Utc(row.UploadedAt));
    }

    public async Task<bool> DeleteAsync(string brokerageId, string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "delete from knowledge_documents where brokerage_id = @brokerageId and document_id = @documentId",
            new { brokerageId, documentId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Short random ids ("kb-" and 10 of [a-z0-9], about 52 bits): unguessable enough inside one tenant, easy to read.</summary>
    internal static string NewId() => "kb-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 10);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record DocumentRow(string BrokerageId, string DocumentId, string Title, string Body, string FileName, string UploadedBy, DateTime UploadedAt);

    private sealed record SummaryRow(string DocumentId, string Title, string FileName, string UploadedBy, DateTime UploadedAt, int Length, string? Snippet, double? Rank)
    {
        public KnowledgeDocumentSummary ToSummary() => new(DocumentId, Title, FileName, UploadedBy, Utc(UploadedAt), Length, Snippet, Rank);
    }
}
