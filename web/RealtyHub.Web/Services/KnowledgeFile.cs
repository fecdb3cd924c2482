using System.Text;
using System.Text.RegularExpressions;

namespace RealtyHub.Web.Services;

/// <summary>
/// An uploaded knowledge document, checked: a .md, .markdown or .txt file of at most 1 MB, UTF-8, not empty. The
/// title is the first Markdown heading of a Markdown file, otherwise the file name without its extension.
/// </summary>
public sealed partial record KnowledgeFile(string FileName, string Title, string Body)
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxTitleLength = 200;

    public static readonly IReadOnlyList<string> Extensions = [".md", ".markdown", ".txt"];

    /// <summary>For the file picker's <c>accept</c> attribute.</summary>
    public static string Accept => string.Join(',', Extensions);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The checked file, or the reason it cannot be a knowledge document (said so a person can fix it).</summary>
    public static (KnowledgeFile? File, string? Problem) Read(string? fileName, ReadOnlySpan<byte> content)
    {
        if (Precheck(fileName, content.Length) is { } problem)
        {
            return (null, problem);
        }

        var name = NameOf(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();

        string text;
        try
        {
            text = StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, $"'{name}' is not UTF-8 text; save it as UTF-8 and upload it again.");
        }

        // PostgreSQL text cannot hold NUL characters, and a text document has none: this is a binary file renamed.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, $"'{name}' contains binary data, not text.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, $"'{name}' is empty.");
        }

        var body = text.ReplaceLineEndings("\n");
        return (new KnowledgeFile(name, TitleOf(name, extension, body), body), null);
    }

    /// <summary>The checks that need only the name and size, so the console can refuse a file before reading it.</summary>
    public static string? Precheck(string? fileName, long size)
    {
        var name = NameOf(fileName);
        if (name.Length == 0 || !Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            return $"Only Markdown or text files can be added ({string.Join(", ", Extensions)}); '{name}' is not one.";
        }

        if (name.Length > 255)
        {
            return "The file name is longer than 255 characters; shorten it.";
        }

        return size > MaxBytes ? $"'{name}' is larger than 1 MB; split it into smaller documents." : null;
    }

    private static string NameOf(string? fileName) => Path.GetFileName(fileName?.Trim() ?? string.Empty);

    private static string TitleOf(string name, string extension, string body)
    {
        var heading = extension == ".txt" ? null : Heading().Match(body) is { Success: true } m ? m.Groups["title"].Value.Trim() : null;
        var title = string.IsNullOrWhiteSpace(heading)
            ? Path.GetFileNameWithoutExtension(name).Replace('-', ' ').Replace('_', ' ').Trim()
            : heading;
        title = title.Length == 0 ? name : title;
        return title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
    }

    /// <summary>An ATX heading (<c># Title</c>, up to three spaces indented, closing #s dropped).</summary>
    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<title>.+?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Heading();
}
