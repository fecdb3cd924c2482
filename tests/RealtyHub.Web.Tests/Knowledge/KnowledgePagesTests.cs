namespace RealtyHub.Web.Tests.Knowledge;

/// <summary>The console pages as first rendered on the server: the knowledge base with a document, the compliance rules.</summary>
[Collection(HubCollection.Name)]
public sealed class KnowledgePagesTests(HubWebFixture hub)
{
    [Fact]
    public async Task An_agent_sees_the_documents_and_reads_one_rendered_from_markdown_without_upload_controls()
    {
        await using var agent = await hub.SignInAsync(HubWebFixture.AgentA);

        var html = await agent.Http.GetStringAsync("knowledge/demo-viewing-checklist");

        Assert.Contains("Dubai Marina area guide", html, StringComparison.Ordinal);
        Assert.Contains(">Before</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Arrive ten minutes early", html, StringComparison.Ordinal);
        Assert.DoesNotContain("knowledge-upload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("knowledge-delete", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_gets_the_upload_control()
    {
        await using var supervisor = await hub.SignInAsync(HubWebFixture.SupervisorA);

        var html = await supervisor.Http.GetStringAsync("knowledge");

        Assert.Contains("knowledge-upload", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_sees_the_compliance_rules_and_the_test_box()
    {
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerA);

        var html = await owner.Http.GetStringAsync("compliance");

        Assert.Contains("rera-permit-number", html, StringComparison.Ordinal);
        Assert.Contains("no-guaranteed-returns", html, StringComparison.Ordinal);
        Assert.Contains("compliance-test", html, StringComparison.Ordinal);
    }
}
