using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RealtyHub.Web.Components.Shared;

/// <summary>
/// Markdown from uploads (and AI drafts) to HTML that is safe to render: raw HTML is shown as text, and links or images
/// with a scheme other than http, https, mailto or tel (javascript:, data:) lose their target. No generic-attributes
/// extension either, since <c>{onclick=...}</c> would put script on an element.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto, "tel"];

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "#";
        }

        return Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>Relative links (no scheme) and the listed schemes only.</summary>
    private static bool IsSafe(string? url)
    {
        var trimmed = url?.Trim() ?? string.Empty;
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = trimmed[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
