using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// The drafter used when no AI model is configured: an honest, clearly labelled skeleton per kind, built only from
/// what the hub holds (the request, the lead, the client's last messages, knowledge snippets cited as [n]), with
/// "[to complete: …]" wherever a fact is missing. It never writes a figure the data does not contain: an expert
/// completes the draft.
/// </summary>
public sealed class TemplateDrafter(TimeProvider clock) : IRequestDrafter
{
    /// <summary>What <see cref="RequestDraft.ProducedBy"/> says for this drafter.</summary>
    public const string Producer = "template";

    /// <summary>The first line of every template draft.</summary>
    public const string Label = "Template draft — no AI model is configured; an expert completes it.";

    private const int ClientMessagesShown = 3;

    public Task<RequestDraft> DraftAsync(DraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = TemplateFacts.From(input);
        var markdown = new StringBuilder()
            .Append("> **").Append(Label).AppendLine("**")
            .AppendLine()
            .Append("## ").AppendLine(TemplateSections.Title(input.Kind, facts))
            .AppendLine()
            .Append("Requested by ").Append(input.AgentName).Append(" (").Append(input.BrokerageName).AppendLine("):")
            .AppendLine(Quote(input.RequestText))
            .AppendLine();
        AppendFacts(markdown, facts);
        TemplateSections.AppendBody(markdown, input, facts);
        AppendKnowledgeNotes(markdown, input);
        AppendClientMessages(markdown, input.ConversationExcerpt);
        AppendAgentAnswers(markdown, input.AgentAnswers);
        AppendSources(markdown, input.Knowledge);

        var citations = input.Knowledge.Select(hit => new Citation(hit.DocumentId, hit.Title, hit.Snippet)).ToImmutableArray();
        return Task.FromResult(new RequestDraft(markdown.ToString().TrimEnd() + "\n", citations, Producer, clock.GetUtcNow()));
    }

    internal static string Quote(string text) =>
        string.Join('\n', text.Trim().Split('\n').Select(line => "> " + line.TrimEnd()));

    internal static string Aed(decimal amount) => "AED " + amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void AppendFacts(StringBuilder markdown, TemplateFacts facts)
    {
        var lines = new List<string>();
        if (facts.ClientName is not null)
        {
            lines.Add($"- **Client:** {facts.ClientName}" + (facts.Stage is { } stage ? $" (lead stage: {stage})" : string.Empty));
        }

        AddIf(lines, "Property", facts.Property);
        AddIf(lines, "Area", facts.Area);
        AddIf(lines, "Client's budget", facts.Budget is { } budget ? Aed(budget) : null);
        AddIf(lines, "Price named in the request", facts.Price is { } price ? Aed(price) : null);
        AddIf(lines, "Deadline", facts.Deadline?.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        AddIf(lines, "Lead notes", facts.LeadNotes);
        if (lines.Count == 0)
        {
            return;
        }

        markdown.AppendLine("### What the hub holds").AppendLine();
        lines.ForEach(line => markdown.AppendLine(line));
        markdown.AppendLine();
    }

    private static void AddIf(List<string> lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add($"- **{label}:** {value}");
        }
    }

    private static void AppendClientMessages(StringBuilder markdown, IReadOnlyList<ChatMessage> excerpt)
    {
        var fromClient = excerpt
            .Where(m => m.Direction == MessageDirection.Inbound && !string.IsNullOrWhiteSpace(m.Body))
            .OrderBy(m => m.At)
            .TakeLast(ClientMessagesShown)
            .ToList();
        if (fromClient.Count == 0)
        {
            return;
        }

        markdown.AppendLine("### The client's latest messages").AppendLine();
        foreach (var message in fromClient)
        {
            markdown.AppendLine(Quote(message.Body!))
                .Append("> — ").AppendLine(message.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .AppendLine();
        }
    }

    private static void AppendAgentAnswers(StringBuilder markdown, IReadOnlyList<string> answers)
    {
        if (answers.Count == 0)
        {
            return;
        }

        markdown.AppendLine("### The agent's answers").AppendLine();
        foreach (var answer in answers)
        {
            markdown.Append("- ").AppendLine(answer.Trim());
        }

        markdown.AppendLine();
    }

    /// <summary>Kinds whose body does not quote the snippets get them as notes, so the expert sees what [n] says.</summary>
    private static void AppendKnowledgeNotes(StringBuilder markdown, DraftInput input)
    {
        if (input.Knowledge.Count == 0 || input.Kind is RequestKind.KnowledgeAnswer or RequestKind.DocumentCheck)
        {
            return;
        }

        markdown.AppendLine("### From the brokerage's documents").AppendLine();
        for (var i = 0; i < input.Knowledge.Count; i++)
        {
            markdown.Append("- \"").Append(input.Knowledge[i].Snippet.Trim()).Append("\" [").Append(i + 1).AppendLine("]");
        }

        markdown.AppendLine();
    }

    private static void AppendSources(StringBuilder markdown, IReadOnlyList<KnowledgeHit> knowledge)
    {
        if (knowledge.Count == 0)
        {
            return;
        }

        markdown.AppendLine("### Sources").AppendLine();
        for (var i = 0; i < knowledge.Count; i++)
        {
            markdown.Append('[').Append(i + 1).Append("] ").AppendLine(knowledge[i].Title);
        }
    }
}
