using System.Security.Claims;
using System.Text.RegularExpressions;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>
/// The brokerage's knowledge base for the console and the API: every member may list, search and read it; supervisors
/// and owners add and remove documents, and each addition and removal is audited.
/// </summary>
public sealed partial class KnowledgeService(IKnowledgeBase knowledge, IAuditLog audit, TimeProvider clock)
{
    public const int SearchLimit = 10;
    public const int ListLimit = 500;

    public static bool MayEdit(ClaimsPrincipal caller) => caller.CanManageTeam();

    public async Task<IReadOnlyList<KnowledgeDocumentSummary>?> ListAsync(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessValidBrokerage(brokerageId) ? await knowledge.ListAsync(brokerageId, ListLimit) : null;

    public async Task<IReadOnlyList<KnowledgeDocumentSummary>?> SearchAsync(ClaimsPrincipal caller, string brokerageId, string query, int limit = SearchLimit) =>
        caller.CanAccessValidBrokerage(brokerageId) ? await knowledge.FindAsync(brokerageId, query, Math.Clamp(limit, 1, 50)) : null;

    public async Task<KnowledgeDocument?> GetAsync(ClaimsPrincipal caller, string brokerageId, string documentId) =>
        caller.CanAccessValidBrokerage(brokerageId) && DocumentIdPattern().IsMatch(documentId ?? string.Empty)
            ? await knowledge.GetAsync(brokerageId, documentId!)
            : null;

    public async Task<EditResult<KnowledgeDocument>> UploadAsync(ClaimsPrincipal caller, string brokerageId, string? fileName, ReadOnlyMemory<byte> content)
    {
        if (!caller.CanAccessValidBrokerage(brokerageId))
        {
            return new(EditStatus.NotFound);
        }

        if (!MayEdit(caller))
        {
            return new(EditStatus.Forbidden);
        }

        var (file, problem) = KnowledgeFile.Read(fileName, content.Span);
        if (file is null)
        {
            return new(EditStatus.Invalid, Problems: new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [problem!] });
        }

        var document = await knowledge.AddAsync(new NewKnowledgeDocument(brokerageId, file.Title, file.Body, file.FileName, caller.GetDisplayName()));
        await audit.RecordAsync(new AuditEntry(brokerageId, clock.GetUtcNow(), caller.GetDisplayName(), "knowledge.upload", document.DocumentId,
            $"{document.Title} ({document.FileName}, {content.Length} bytes)"));
        return new(EditStatus.Done, document);
    }

    public async Task<EditStatus> DeleteAsync(ClaimsPrincipal caller, string brokerageId, string documentId)
    {
        if (await GetAsync(caller, brokerageId, documentId) is not { } document)
        {
            return EditStatus.NotFound;
        }

        if (!MayEdit(caller))
        {
            return EditStatus.Forbidden;
        }

        if (!await knowledge.DeleteAsync(brokerageId, documentId))
        {
            return EditStatus.NotFound;
        }

        await audit.RecordAsync(new AuditEntry(brokerageId, clock.GetUtcNow(), caller.GetDisplayName(), "knowledge.delete", documentId,
            $"{document.Title} ({document.FileName})"));
        return EditStatus.Done;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex DocumentIdPattern();
}
