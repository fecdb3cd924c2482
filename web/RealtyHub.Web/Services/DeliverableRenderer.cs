using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Components.Requests;
using RealtyHub.Web.Components.Shared;

namespace RealtyHub.Web.Services;

/// <summary>
/// A delivered request as one self-contained HTML document in the brokerage's colours, for the agent to send or print.
/// The Markdown goes through <see cref="SafeMarkdown"/> (raw HTML shown as text, unsafe link schemes dropped); every
/// other value is HTML-encoded; colours must be <c>#rrggbb</c> and the logo an absolute http(s) URL, else defaults.
/// </summary>
public static partial class DeliverableRenderer
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Css = """
        body { margin: 0; background: #f6f7f9; color: #1d2630; font: 16px/1.6 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        header { display: flex; align-items: center; gap: 16px; padding: 22px 40px; background: var(--primary); color: var(--on-primary); border-bottom: 6px solid var(--accent); }
        header img { max-height: 48px; max-width: 160px; }
        .brand { font-size: 1.35rem; font-weight: 600; }
        .what { font-size: 0.9rem; opacity: 0.85; }
        main { max-width: 820px; margin: 32px auto; padding: 32px 40px; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); }
        h1, h2, h3, h4 { color: var(--primary); line-height: 1.25; }
        a { color: var(--primary); }
        table { border-collapse: collapse; margin: 16px 0; }
        th, td { border: 1px solid #d9dee4; padding: 6px 10px; text-align: left; }
        th { background: #f0f3f6; }
        blockquote { margin: 16px 0; padding: 4px 16px; border-left: 4px solid var(--accent); color: #44505c; }
        code { background: #f0f3f6; padding: 1px 4px; border-radius: 3px; }
        footer { max-width: 820px; margin: 0 auto 40px; padding: 12px 40px 0; border-top: 2px solid var(--accent); color: #6b7785; font-size: 0.85rem; }
        footer ol { padding-left: 20px; }
        footer .snippet { color: #44505c; }
        @media print { body { background: #fff; } main { margin: 0 auto; box-shadow: none; } }
        """;

    /// <summary>The deliverable as a whole HTML document; the request must have one (it is delivered).</summary>
    public static string Render(RequestView request, BrokerageProfile? brokerage)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deliverable = request.Deliverable ?? throw new ArgumentException("The request has no deliverable yet.", nameof(request));
        var branding = brokerage?.Branding ?? BrokerageBranding.Default;
        var primary = Colour(branding.PrimaryColor, BrokerageBranding.Default.PrimaryColor);
        var accent = Colour(branding.AccentColor, BrokerageBranding.Default.AccentColor);
        var brokerageName = brokerage?.Name ?? request.BrokerageId;
        var date = TimeZoneInfo.ConvertTime(deliverable.At, InboxContext.ZoneOf(brokerage?.TimeZoneId))
            .ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var what = request.Kind is { } kind ? RequestFormat.Kind(kind) : "Deliverable";

        var html = new StringBuilder(4096)
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // Opened from disk it still runs no script and loads nothing but the logo.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:\">\n")
            .Append("<title>").Append(Encode(request.Title)).Append(" · ").Append(Encode(brokerageName)).Append("</title>\n")
            .Append("<style>\n:root { --primary: ").Append(primary).Append("; --accent: ").Append(accent)
            .Append("; --on-primary: ").Append(IsLight(primary) ? "#1d2630" : "#ffffff").Append("; }\n")
            .Append(Css).Append("\n</style>\n</head>\n<body>\n<header>\n");
        if (Logo(branding.LogoUrl) is { } logo)
        {
            html.Append("<img src=\"").Append(Encode(logo)).Append("\" alt=\"\">\n");
        }

        html.Append("<div><div class=\"brand\">").Append(Encode(brokerageName)).Append("</div>")
            .Append("<div class=\"what\">").Append(Encode(what)).Append(" · ").Append(Encode(request.Title)).Append("</div></div>\n</header>\n")
            .Append("<main class=\"deliverable\">\n").Append(SafeMarkdown.ToHtml(deliverable.Markdown)).Append("</main>\n<footer>\n")
            .Append("<p class=\"prepared\">Prepared by ").Append(Encode(request.ExpertName ?? deliverable.ProducedBy))
            .Append(" for ").Append(Encode(request.AgentName)).Append(" · ").Append(Encode(brokerageName)).Append(" · ").Append(Encode(date)).Append("</p>\n");
        if (!deliverable.Citations.IsDefaultOrEmpty)
        {
            html.Append("<p>Sources from the ").Append(Encode(brokerageName)).Append(" knowledge base:</p>\n<ol class=\"sources\">\n");
            foreach (var citation in deliverable.Citations)
            {
                html.Append("<li><strong>").Append(Encode(citation.Title)).Append("</strong>");
                if (!string.IsNullOrWhiteSpace(citation.Snippet))
                {
                    html.Append(" — <span class=\"snippet\">").Append(Encode(citation.Snippet)).Append("</span>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        return html.Append("</footer>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A download name from the title: its letters and digits joined by dashes, e.g. <c>prepare-a-cma-for-the-marina-villa.html</c>.</summary>
    public static string FileName(RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slug = new StringBuilder();
        foreach (var c in request.Text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var name = slug.ToString().Trim('-');
        return (name.Length == 0 ? $"deliverable-{request.RequestId}" : name) + ".html";
    }

    /// <summary>The colour if it is <c>#rrggbb</c>, else the fallback: nothing else may reach the style sheet.</summary>
    public static string Colour(string? value, string fallback) =>
        value is not null && HexColour().IsMatch(value) ? value : fallback;

    private static string? Logo(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Relative luminance above one half: dark text reads better on it than white.</summary>
    private static bool IsLight(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return ((0.2126 * ((rgb >> 16) & 0xFF)) + (0.7152 * ((rgb >> 8) & 0xFF)) + (0.0722 * (rgb & 0xFF))) / 255 > 0.6;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
