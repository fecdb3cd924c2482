using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// Drafts with the configured model (<see cref="DraftPrompt"/>). The snippets the answer cites as [n] become the
/// draft's citations, in number order; numbers that match no snippet are ignored. An empty answer is a failure.
/// </summary>
public sealed partial class ChatClientDrafter(AiChat chat, TimeProvider clock) : IRequestDrafter
{
    private const int MaxOutputTokens = 1500;

    public async Task<RequestDraft> DraftAsync(DraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = new ChatOptions { Temperature = 0.3f, MaxOutputTokens = MaxOutputTokens };
        var response = await chat.GetResponseAsync(input.BrokerageId, DraftPrompt.Messages(input), options, cancellationToken);
        var markdown = response.Text.Trim();
        if (markdown.Length == 0)
        {
            throw new AiUnavailableException("The AI service answered with an empty draft.");
        }

        return new RequestDraft(markdown, Cited(markdown, input.Knowledge), response.ModelId ?? chat.Model, clock.GetUtcNow());
    }

    private static ImmutableArray<Citation> Cited(string markdown, IReadOnlyList<KnowledgeHit> knowledge) =>
        [
            .. CitationNumber().Matches(markdown)
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .Where(n => n >= 1 && n <= knowledge.Count)
                .Distinct()
                .Order()
                .Select(n => knowledge[n - 1])
                .Select(hit => new Citation(hit.DocumentId, hit.Title, hit.Snippet)),
        ];

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationNumber();
}
