using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using HubMessage = RealtyHub.Grains.Conversations.ChatMessage;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// The drafting prompt: the brokerage, the rules (only the data given, "[to complete: …]" for gaps, cite [n]), the
/// kind's guidance, then the data with the knowledge snippets numbered [1], [2]… at line starts. The lead's phone
/// number is never sent: the draft does not need it.
/// </summary>
internal static class DraftPrompt
{
    private const int ConversationMessages = 10;
    private const int MaxMessageLength = 500;

    public static List<AiChatMessage> Messages(DraftInput input) =>
    [
        new(ChatRole.System, Instructions(input)),
        new(ChatRole.User, Data(input)),
    ];

    private static string Instructions(DraftInput input) => $"""
        You draft work for {input.BrokerageName}, a real-estate brokerage in Dubai. An expert at the brokerage reviews and completes every draft before anything reaches a client.
        Rules:
        - Use only the facts given. Never invent figures (prices, sizes, dates, transactions, permit numbers) or names: write "[to complete: what is missing]" instead.
        - When you use a numbered passage from the brokerage's documents, cite it as [n].
        - Write Markdown, in the language of the request.
        Task: {Guidance(input.Kind)}
        """;

    private static string Guidance(RequestKind kind) => kind switch
    {
        RequestKind.MarketReport => "a comparative market analysis or market report for the property or area: subject, comparable sales as a table (rows to complete where no data is given), market view, and a price range only if the data supports one.",
        RequestKind.ListingDescription => "a listing description and marketing copy: a headline, two or three short paragraphs, key facts, and a RERA permit line (to complete unless given).",
        RequestKind.SocialPost => "a social media post (Instagram, Facebook, LinkedIn): a hook, two to four short lines, a call to contact the agent, a RERA permit line and a few hashtags.",
        RequestKind.FollowUpMessage => "a short, warm follow-up message from the agent to the client, suitable for WhatsApp, moving forward from the client's latest messages.",
        RequestKind.DocumentCheck => "a document or compliance check: a checklist of what to verify against the brokerage's rules, each item marked found, missing or to verify.",
        _ => "an answer to the agent's question from the brokerage's documents only; if the passages do not answer it, say so.",
    };

    private static string Data(DraftInput input)
    {
        var data = new StringBuilder()
            .Append("Request from ").Append(input.AgentName).Append(": ").AppendLine(input.RequestText.Trim())
            .AppendLine();
        var e = input.Entities;
        Line(data, "Property", e.Property);
        Line(data, "Area", e.Area);
        Line(data, "Client", e.ClientName);
        Line(data, "Price named", e.Price is { } price ? Aed(price) : null);
        Line(data, "Deadline", e.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (input.Lead is { } lead)
        {
            data.AppendLine().AppendLine("Lead:");
            Line(data, "Name", lead.Details.Name);
            Line(data, "Stage", lead.Stage.ToString());
            Line(data, "Area of interest", lead.Details.Area);
            Line(data, "Budget", lead.Details.BudgetAed is { } budget ? Aed(budget) : null);
            Line(data, "Notes", lead.Details.Notes);
        }

        Conversation(data, input.ConversationExcerpt);
        List(data, "The agent's answers to questions:", input.AgentAnswers.Select(a => "- " + a.Trim()));
        List(data, "The brokerage's documents:", input.Knowledge.Select((hit, i) => $"[{i + 1}] {hit.Title}: {hit.Snippet.Trim()}"));
        return data.ToString().TrimEnd();
    }

    private static void Conversation(StringBuilder data, IReadOnlyList<HubMessage> excerpt)
    {
        var lines = excerpt
            .Where(m => !string.IsNullOrWhiteSpace(m.Body))
            .OrderBy(m => m.At)
            .TakeLast(ConversationMessages)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"- {(m.Direction == MessageDirection.Inbound ? "client" : "agent")} ({m.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC): {Shorten(m.Body!)}"));
        List(data, "Conversation with the client (latest last):", lines);
    }

    private static void List(StringBuilder data, string heading, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count > 0)
        {
            data.AppendLine().AppendLine(heading);
            items.ForEach(item => data.AppendLine(item));
        }
    }

    private static void Line(StringBuilder data, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data.Append(label).Append(": ").AppendLine(value);
        }
    }

    private static string Shorten(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        return single.Length <= MaxMessageLength ? single : single[..MaxMessageLength] + "…";
    }

    private static string Aed(decimal amount) => "AED " + amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
