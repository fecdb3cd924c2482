using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>The knowledge base and compliance pages as people use them: upload, live search, reading, testing a text.</summary>
[Collection(HubCollection.Name)]
public sealed class KnowledgePageTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Supervisor_uploads_a_guide_finds_it_by_live_search_and_reads_it()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a').Replace('1', 'b');
        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(HubWebFixture.SupervisorA, HubWebFixture.Password);
        var page = supervisor.Page;
        await page.Locator("[data-nav=knowledge]").ClickAsync();
        // The file input listens only once its JS has been set up after the first render; the document list arrives in a
        // later render batch, so seeing it means a picked file will reach the server.
        await Expect(page.GetByTestId("knowledge-document").First).ToBeVisibleAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "jvc-guide.md",
            MimeType = "text/markdown",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"# JVC area guide {word}\n\nFamily villas and <b>townhouses</b> near the {word} park.\n"),
        });
        await Expect(page.GetByTestId("knowledge-view-title")).ToHaveTextAsync($"JVC area guide {word}");
        await Expect(page.GetByTestId("knowledge-body")).ToContainTextAsync("<b>townhouses</b>");

        await page.GetByTestId("knowledge-search").FillAsync($"{word} park");
        await Expect(page.GetByTestId("knowledge-hit")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("knowledge-snippet").Locator("mark").First).ToHaveTextAsync(word);
        await supervisor.ScreenshotAsync("knowledge-search.png");

        // MudFileUpload adds a fresh input after each pick; the newest is the live one.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "brochure.pdf",
            MimeType = "application/pdf",
            Buffer = [0x25, 0x50, 0x44, 0x46],
        });
        await Expect(page.GetByTestId("knowledge-message")).ToContainTextAsync("Only Markdown or text files");
    }

    [Fact]
    public async Task Owner_tests_an_advert_against_the_compliance_rules()
    {
        await using var owner = await chromium.NewSessionAsync(hub.BaseAddress, output, "owner");
        await owner.SignInAsync(HubWebFixture.OwnerA, HubWebFixture.Password);
        var page = owner.Page;
        await page.Locator("[data-nav=compliance]").ClickAsync();

        await page.GetByTestId("compliance-test-text").FillAsync("Marina apartment with guaranteed returns.");
        await page.GetByTestId("compliance-test-check").ClickAsync();

        await Expect(page.GetByTestId("compliance-finding")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("compliance-finding").Filter(new() { HasText = "no-guaranteed-returns" })).ToContainTextAsync("guaranteed returns");
        await owner.ScreenshotAsync("compliance-test.png");
    }
}
