using RealtyHub.Web.Components.Shared;

namespace RealtyHub.Web.Tests.Knowledge;

/// <summary>Uploaded Markdown renders as formatted text and never as live HTML or script.</summary>
public sealed class SafeMarkdownTests
{
    [Fact]
    public void Markdown_is_formatted()
    {
        var html = SafeMarkdown.ToHtml("# Guide\n\n- **Metro**: yes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[DLD](https://dubailand.gov.ae)");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Metro</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://dubailand.gov.ae\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("Text <b onclick=\"alert(1)\">bold</b>", "<b ")]
    [InlineData("# Title {onclick=alert(1)}", "onclick=\"")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "alert(1)\"")]
    [InlineData("[click](&#106;avascript:alert(1))", "avascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html")]
    public void Html_and_script_urls_never_come_through(string markdown, string forbidden)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }
}
