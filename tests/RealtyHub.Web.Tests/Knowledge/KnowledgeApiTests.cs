using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Data;

namespace RealtyHub.Web.Tests.Knowledge;

/// <summary>The knowledge base through its API: upload, full-text search with snippets, read, delete, who may do what.</summary>
[Collection(HubCollection.Name)]
public sealed class KnowledgeApiTests(HubWebFixture hub)
{
    private const string A = HubWebFixture.BrokerageA;

    [Fact]
    public async Task Search_finds_the_matching_document_with_the_match_marked_in_its_snippet()
    {
        var word = KnowledgeUploads.UniqueWord();
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var target = await UploadAsync(supervisor, "service-charges.md", $"# Service charges in {word} Towers\n\nThe {word} towers bill service charges quarterly.");
        await UploadAsync(supervisor, "parking.md", "# Parking rules\n\nVisitors park on level B2.");

        var hits = await supervisor.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word} charges", TestJson.Options);

        var hit = Assert.Single(hits!);
        Assert.Equal((target.DocumentId, $"Service charges in {word} Towers"), (hit.DocumentId, hit.Title));
        Assert.Contains($"«{word}»", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.Snippet, StringComparison.Ordinal);
        Assert.True(hit.Rank > 0);
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_body()
    {
        var word = KnowledgeUploads.UniqueWord();
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerA);
        var inBody = await UploadAsync(owner, "body.md", $"# Handover notes\n\nKeys for the {word} unit are at reception.");
        var inTitle = await UploadAsync(owner, "title.md", $"# {word} handover\n\nKeys for the unit are at reception.");

        var hits = (await owner.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word}", TestJson.Options))!;

        Assert.Equal([inTitle.DocumentId, inBody.DocumentId], hits.Select(h => h.DocumentId));
        Assert.True(hits[0].Rank > hits[1].Rank, $"{hits[0].Rank} > {hits[1].Rank}");
    }

    [Fact]
    public async Task Arabic_and_English_text_is_stored_exactly_and_found_in_either_language()
    {
        var word = KnowledgeUploads.UniqueWord();
        var body = $"# دليل نخلة جميرا {word}\n\nفلل على الشاطئ مع إطلالة بحرية. Villas on the fronds with beach access.\n";
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var uploaded = await UploadAsync(supervisor, "palm-ar.md", body);

        var stored = await supervisor.Http.GetFromJsonAsync<KnowledgeDocument>($"{KnowledgeUploads.Path(A)}/{uploaded.DocumentId}", TestJson.Options);
        var arabic = await supervisor.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word} الشاطئ", TestJson.Options);
        var english = await supervisor.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word} beach", TestJson.Options);

        Assert.Equal(body, stored!.Body);
        Assert.Equal($"دليل نخلة جميرا {word}", stored.Title);
        Assert.Contains("«الشاطئ»", Assert.Single(arabic!).Snippet, StringComparison.Ordinal);
        Assert.Equal(uploaded.DocumentId, Assert.Single(english!).DocumentId);
    }

    [Theory]
    [InlineData("guide.md", "# Marina guide\nText", "Marina guide")]
    [InlineData("area-notes_v2.markdown", "No heading here, only text.", "area notes v2")]
    [InlineData("scripts.txt", "# Not a heading in a text file", "scripts")]
    [InlineData("closing.md", "Intro line\n\n## Closing the deal ##\n\nText", "Closing the deal")]
    public async Task The_title_is_the_first_markdown_heading_or_else_the_file_name(string fileName, string text, string title)
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);

        var document = await UploadAsync(supervisor, fileName, text);

        Assert.Equal((title, fileName), (document.Title, document.FileName));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "brochure.pdf", "%PDF-1.7"u8.ToArray(), "Only Markdown or text files" },
        { "huge.md", new byte[(1024 * 1024) + 1], "larger than 1 MB" },
        { "latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x64, 0x75], "not UTF-8" },
        { "utf16.md", [0xFF, 0xFE, 0x23, 0x00, 0x20, 0x00], "not UTF-8" },
        { "empty.md", [], "is empty" },
        { "blank.md", "  \n\t\n"u8.ToArray(), "is empty" },
        { "binary.md", [0x23, 0x20, 0x41, 0x00, 0x42], "binary data" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_the_reason(string fileName, byte[] content, string reason)
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);

        var response = await KnowledgeUploads.UploadAsync(supervisor, A, fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ProblemAsync(response, "file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_file_is_refused_with_the_reason()
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "text" } };

        var response = await supervisor.Http.PostAsync(KnowledgeUploads.Path(A), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field named 'file'", await ProblemAsync(response, "file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_and_deletes_are_audited_and_a_deleted_document_is_gone()
    {
        var word = KnowledgeUploads.UniqueWord();
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerA);
        var document = await UploadAsync(owner, "old-fees.md", $"# Old fee schedule {word}\n\nReplaced.");

        var deleted = await owner.Http.DeleteAsync($"{KnowledgeUploads.Path(A)}/{document.DocumentId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"{KnowledgeUploads.Path(A)}/{document.DocumentId}")).StatusCode);
        Assert.Empty((await owner.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word}", TestJson.Options))!);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.DeleteAsync($"{KnowledgeUploads.Path(A)}/{document.DocumentId}")).StatusCode);
        var audit = await hub.App.Services.GetRequiredService<IAuditLog>().ListAsync(A, 100);
        Assert.Contains(audit, e => e.Action == "knowledge.upload" && e.Subject == document.DocumentId && e.Actor == "Layla Haddad"
            && e.Details!.StartsWith($"Old fee schedule {word} (old-fees.md, ", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "knowledge.delete" && e.Subject == document.DocumentId);
    }

    [Fact]
    public async Task Agents_list_search_and_read_documents_but_may_not_upload_or_delete()
    {
        var word = KnowledgeUploads.UniqueWord();
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);
        var document = await UploadAsync(supervisor, "scripts.md", $"# Scripts {word}\n\nSay hello.");
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);

        var list = await agent.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>(KnowledgeUploads.Path(A), TestJson.Options);
        var hits = await agent.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q={word}", TestJson.Options);
        var read = await agent.Http.GetAsync($"{KnowledgeUploads.Path(A)}/{document.DocumentId}");
        var upload = await KnowledgeUploads.UploadAsync(agent, A, "mine.md", "# Mine\n\nText");
        var delete = await agent.Http.DeleteAsync($"{KnowledgeUploads.Path(A)}/{document.DocumentId}");

        Assert.Contains(list!, d => d.DocumentId == document.DocumentId);
        Assert.Equal(document.DocumentId, Assert.Single(hits!).DocumentId);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task The_demo_brokerage_starts_with_its_guides_policies_and_scripts()
    {
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);

        var list = await agent.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>(KnowledgeUploads.Path(A), TestJson.Options);
        var hits = await agent.Http.GetFromJsonAsync<KnowledgeDocumentSummary[]>($"{KnowledgeUploads.Path(A)}?q=permit number advert", TestJson.Options);

        Assert.Superset(
            new HashSet<string> { "Dubai Marina area guide", "Palm Jumeirah area guide", "Listing advert policy (RERA permits)", "WhatsApp follow-up scripts",
                "Commission and fees policy", "Viewing checklist" },
            list!.Select(d => d.Title).ToHashSet());
        Assert.Equal("demo-listing-advert-policy", hits![0].DocumentId);
    }

    private static async Task<KnowledgeDocument> UploadAsync(HubClient client, string fileName, string text)
    {
        var response = await KnowledgeUploads.UploadAsync(client, A, fileName, text);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotNull(response.Headers.Location);
        return (await response.Content.ReadFromJsonAsync<KnowledgeDocument>(TestJson.Options))!;
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}
