using System.Collections.Immutable;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Tests.Requests;

/// <summary>The branded deliverable file: nothing anyone typed can become markup or style, and the footer says who and when.</summary>
public sealed class DeliverableRendererTests
{
    private static readonly DateTimeOffset DeliveredAt = new(2026, 3, 1, 21, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Footer_names_expert_agent_brokerage_and_the_delivery_day_in_the_brokerages_time_zone_and_lists_the_citations()
    {
        var html = DeliverableRenderer.Render(Delivered("# CMA\n\nThree **comparables**."), Profile("Marina Realty"));

        // 21:30 UTC is already 2 March in Dubai (UTC+4).
        Assert.Contains("Prepared by Eve Expert for Ann Agent · Marina Realty · 2 March 2026", html, StringComparison.Ordinal);
        Assert.Contains("<h1>CMA</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>comparables</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Service charges 2026</strong> — <span class=\"snippet\">Marina: AED 18/sq ft</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("--primary: #0B4F6C;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_the_markdown_names_and_citations_is_shown_as_text()
    {
        var request = Delivered("Hello <script>alert(1)</script> [x](javascript:alert(2))") with
        {
            AgentName = "<img src=x onerror=alert(3)>",
            ExpertName = "Eve \"Expert\"",
            Text = "CMA </title><script>alert(4)</script>",
        };

        var html = DeliverableRenderer.Render(request, Profile("<b>Realty</b>"));

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Realty</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Eve &quot;Expert&quot;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red; } body { display: none")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("url(http://x)")]
    public void A_colour_that_is_not_rrggbb_falls_back_to_the_default(string colour)
    {
        var profile = Profile("Marina Realty") with { Branding = new BrokerageBranding(colour, colour, "javascript:alert(1)") };

        var html = DeliverableRenderer.Render(Delivered("Text"), profile);

        Assert.Contains($"--primary: {BrokerageBranding.Default.PrimaryColor};", html, StringComparison.Ordinal);
        Assert.Contains($"--accent: {BrokerageBranding.Default.AccentColor};", html, StringComparison.Ordinal);
        Assert.DoesNotContain(colour, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Brand_colours_and_an_https_logo_are_used()
    {
        var profile = Profile("Marina Realty") with { Branding = new BrokerageBranding("#fafafa", "#E0A526", "https://cdn.example.com/logo.png?a=1&b=2") };

        var html = DeliverableRenderer.Render(Delivered("Text"), profile);

        Assert.Contains("--primary: #fafafa; --accent: #E0A526; --on-primary: #1d2630;", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://cdn.example.com/logo.png?a=1&amp;b=2\" alt=\"\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Prepare a CMA for the Marina villa!", "prepare-a-cma-for-the-marina-villa.html")]
    [InlineData("  ?? ", "deliverable-r1.html")]
    [InlineData("تقرير السوق للمارينا", "تقرير-السوق-للمارينا.html")]
    public void File_name_comes_from_the_request_text(string text, string expected) =>
        Assert.Equal(expected, DeliverableRenderer.FileName(Delivered("x") with { Text = text }));

    private static BrokerageProfile Profile(string name) => new(name, "Dubai", "Asia/Dubai", [], TimeSpan.FromMinutes(5));

    private static RequestView Delivered(string markdown) => new(
        "b1", "r1", "a1", "Ann Agent", "Prepare a CMA for the Marina villa", RequestPriority.Normal, RequestState.Delivered,
        RequestKind.MarketReport, RequestEntities.None, DeliveredAt.AddHours(-1), null, [], "e1", "Eve Expert", null,
        new RequestDraft(markdown, [new Citation("d1", "Service charges 2026", "Marina: AED 18/sq ft")], "Eve Expert", DeliveredAt),
        null, null, null, ImmutableArray<RequestEvent>.Empty);
}
