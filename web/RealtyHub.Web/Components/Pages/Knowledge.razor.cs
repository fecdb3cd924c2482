using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>The knowledge base: live search with snippets, the document list, a document rendered safely, upload and delete for supervisors and owners.</summary>
public sealed partial class Knowledge
{
    private ClaimsPrincipal _user = new();
    private string _brokerageId = string.Empty;
    private bool _mayEdit;
    private IReadOnlyList<KnowledgeDocumentSummary>? _documents;
    private IReadOnlyList<KnowledgeDocumentSummary>? _hits;
    private KnowledgeDocument? _document;
    private string? _query;
    private int _searches;
    private bool _uploading;
    private bool _confirmDelete;
    private string? _error;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    [Parameter]
    public string? DocumentId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private KnowledgeService KnowledgeBase { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _brokerageId = _user.GetBrokerageId() ?? string.Empty;
        _mayEdit = KnowledgeService.MayEdit(_user);
        await RunAsync(async () => _documents = await KnowledgeBase.ListAsync(_user, _brokerageId) ?? [], "The documents could not be loaded.");
    }

    protected override async Task OnParametersSetAsync()
    {
        _confirmDelete = false;
        _document = null;
        if (DocumentId is { } documentId)
        {
            await RunAsync(async () => _document = await KnowledgeBase.GetAsync(_user, _brokerageId, documentId), "The document could not be loaded.");
        }
    }

    private async Task SearchAsync()
    {
        // Answers can arrive out of order while the user types; only the newest search may set the results.
        var search = ++_searches;
        var query = _query?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            _hits = null;
            return;
        }

        IReadOnlyList<KnowledgeDocumentSummary>? hits = null;
        await RunAsync(async () => hits = await KnowledgeBase.SearchAsync(_user, _brokerageId, query) ?? [], "The search failed.");
        if (search == _searches)
        {
            _hits = hits;
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (KnowledgeFile.Precheck(file.Name, file.Size) is { } problem)
        {
            Say(Severity.Error, problem);
            return;
        }

        _uploading = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(KnowledgeFile.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            var result = await KnowledgeBase.UploadAsync(_user, _brokerageId, file.Name, buffer.ToArray());
            if (result.Status != EditStatus.Done)
            {
                Say(Severity.Error, result.Status == EditStatus.Invalid ? result.ProblemText : "Only supervisors and owners can add documents.");
                return;
            }

            Say(Severity.Success, $"Added \"{result.Value!.Title}\". AI drafts can use it from now on.");
            _documents = await KnowledgeBase.ListAsync(_user, _brokerageId) ?? [];
            await SearchAsync();
            Navigation.NavigateTo(Link(result.Value.DocumentId));
        }
        catch (Exception ex) when (ex is IOException or Npgsql.NpgsqlException or TimeoutException)
        {
            Say(Severity.Error, $"'{file.Name}' could not be uploaded: the connection or the database failed. Try again in a moment.");
        }
        finally
        {
            _uploading = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_document is not { } document)
        {
            return;
        }

        EditStatus status = EditStatus.NotFound;
        await RunAsync(async () => status = await KnowledgeBase.DeleteAsync(_user, _brokerageId, document.DocumentId), "The document could not be deleted.");
        if (status == EditStatus.Done)
        {
            Say(Severity.Success, $"Deleted \"{document.Title}\".");
            _documents = _documents?.Where(d => d.DocumentId != document.DocumentId).ToList();
            _hits = _hits?.Where(d => d.DocumentId != document.DocumentId).ToList();
            Navigation.NavigateTo("knowledge");
        }
        else if (_error is null)
        {
            Say(Severity.Error, status == EditStatus.Forbidden ? "Only supervisors and owners can delete documents." : "The document was already deleted.");
        }
    }

    private async Task RunAsync(Func<Task> work, string failure)
    {
        try
        {
            await work();
            _error = null;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            _error = failure;
            Say(Severity.Error, $"{failure} Reload the page in a moment.");
        }
    }

    private void Say(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);

    private static string Link(string documentId) => $"knowledge/{Uri.EscapeDataString(documentId)}";

    private static string Added(string by, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{by}, {at.UtcDateTime:d MMM yyyy}");

    /// <summary>A snippet split at the «» marks search puts around matches, so matches can be highlighted without rendering HTML.</summary>
    internal static IEnumerable<(string Text, bool Match)> Segments(string? snippet)
    {
        var rest = snippet ?? string.Empty;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('«', StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest.IndexOf('»', open + 1);
            if (close < 0)
            {
                yield return (rest, false);
                yield break;
            }

            if (open > 0)
            {
                yield return (rest[..open], false);
            }

            yield return (rest[(open + 1)..close], true);
            rest = rest[(close + 1)..];
        }
    }
}
