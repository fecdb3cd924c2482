using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Api;

/// <summary>
/// The brokerage's knowledge base: <c>GET .../knowledge</c> lists documents, <c>GET .../knowledge?q=words</c> searches
/// them (best first, with snippets), <c>GET .../knowledge/{documentId}</c> reads one, <c>POST .../knowledge</c> adds one
/// (multipart form, field <c>file</c>: .md, .markdown or .txt, UTF-8, at most 1 MB) and <c>DELETE</c> removes it.
/// </summary>
public static class KnowledgeApi
{
    /// <summary>
    /// Maps into the <c>/api/brokerages/{brokerageId}</c> group (so its tenancy filter guards these too), together with
    /// the compliance rules: the two halves of checking what AI drafts say.
    /// </summary>
    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/knowledge", ListAsync);
        group.MapGet("/knowledge/{documentId}", GetAsync);
        group.MapPost("/knowledge", UploadAsync)
            // Programs post plain multipart forms without an antiforgery token; the auth cookie is SameSite=Lax, so
            // another site's form cannot post here as a signed-in user anyway.
            .DisableAntiforgery()
            // Room for a file just over the limit, so it gets the 1 MB message rather than a bare form error.
            .WithFormOptions(multipartBodyLengthLimit: 4L * KnowledgeFile.MaxBytes);
        group.MapDelete("/knowledge/{documentId}", DeleteAsync);
        return group.MapComplianceApi();
    }

    private static async Task<Results<Ok<IReadOnlyList<KnowledgeDocumentSummary>>, NotFound>> ListAsync(
        string brokerageId, string? q, int? limit, ClaimsPrincipal caller, KnowledgeService knowledge)
    {
        var documents = string.IsNullOrWhiteSpace(q)
            ? await knowledge.ListAsync(caller, brokerageId)
            : await knowledge.SearchAsync(caller, brokerageId, q, limit ?? KnowledgeService.SearchLimit);
        return documents is null ? TypedResults.NotFound() : TypedResults.Ok(documents);
    }

    private static async Task<Results<Ok<KnowledgeDocument>, NotFound>> GetAsync(
        string brokerageId, string documentId, ClaimsPrincipal caller, KnowledgeService knowledge) =>
        await knowledge.GetAsync(caller, brokerageId, documentId) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound();

    private static async Task<Results<Created<KnowledgeDocument>, NotFound, ForbidHttpResult, ValidationProblem>> UploadAsync(
        string brokerageId, IFormFile? file, ClaimsPrincipal caller, KnowledgeService knowledge)
    {
        if (file is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = [$"Attach the document as a multipart form field named 'file' ({string.Join(", ", KnowledgeFile.Extensions)})."],
            });
        }

        var result = await knowledge.UploadAsync(caller, brokerageId, file.FileName, await ReadAtMostAsync(file, KnowledgeFile.MaxBytes + 1));
        return result.Status switch
        {
            EditStatus.Done => TypedResults.Created($"/api/brokerages/{brokerageId}/knowledge/{result.Value!.DocumentId}", result.Value),
            EditStatus.Forbidden => TypedResults.Forbid(),
            EditStatus.Invalid => TypedResults.ValidationProblem(result.Problems!),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteAsync(
        string brokerageId, string documentId, ClaimsPrincipal caller, KnowledgeService knowledge) =>
        await knowledge.DeleteAsync(caller, brokerageId, documentId) switch
        {
            EditStatus.Done => TypedResults.NoContent(),
            EditStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Reads at most <paramref name="limit"/> bytes: enough to tell a file is too large without holding all of it.</summary>
    private static async Task<byte[]> ReadAtMostAsync(IFormFile file, int limit)
    {
        await using var stream = file.OpenReadStream();
        var buffer = new byte[(int)Math.Min(file.Length, limit)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
