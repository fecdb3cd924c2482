using System.Text;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>The kind-specific part of a template draft. Every gap is a visible "[to complete: …]", never a guess.</summary>
internal static class TemplateSections
{
    public static string Title(RequestKind kind, TemplateFacts facts) => kind switch
    {
        RequestKind.MarketReport => $"Comparative market analysis — {facts.Subject ?? Gap("property or area")}",
        RequestKind.ListingDescription => $"Listing description — {facts.Subject ?? Gap("property")}",
        RequestKind.SocialPost => $"Social post — {facts.Subject ?? Gap("property or topic")}",
        RequestKind.FollowUpMessage => $"Follow-up message to {facts.ClientName ?? Gap("client")}",
        RequestKind.DocumentCheck => "Document and compliance check",
        _ => "Answer from the brokerage's knowledge base",
    };

    public static void AppendBody(StringBuilder markdown, DraftInput input, TemplateFacts facts)
    {
        var lines = input.Kind switch
        {
            RequestKind.MarketReport => MarketReport(facts),
            RequestKind.ListingDescription => ListingDescription(facts),
            RequestKind.SocialPost => SocialPost(input, facts),
            RequestKind.FollowUpMessage => FollowUp(input, facts),
            RequestKind.DocumentCheck => DocumentCheck(input, facts),
            _ => KnowledgeAnswer(input),
        };
        foreach (var line in lines)
        {
            markdown.AppendLine(line);
        }

        markdown.AppendLine();
    }

    internal static string Gap(string what) => $"[to complete: {what}]";

    private static IEnumerable<string> MarketReport(TemplateFacts facts)
    {
        var area = facts.Area ?? "the area";
        yield return "### Comparable sales";
        yield return "";
        yield return "| Property | Date | Size (sq ft) | Price (AED) | AED per sq ft |";
        yield return "|---|---|---|---|---|";
        for (var row = 0; row < 3; row++)
        {
            yield return $"| {Gap("comparable sale")} | | | | |";
        }

        yield return "";
        yield return "### Market view";
        yield return "";
        yield return Gap($"recent trend in {area}: transactions, price per sq ft, time on market");
        yield return "";
        yield return "### Suggested price range";
        yield return "";
        yield return Gap("a range supported by the comparables above")
            + (facts.Price is { } price ? $" (the request mentions {TemplateDrafter.Aed(price)})" : string.Empty);
    }

    private static IEnumerable<string> ListingDescription(TemplateFacts facts)
    {
        yield return "### Headline";
        yield return "";
        yield return Gap($"headline for {facts.Subject ?? "the property"}");
        yield return "";
        yield return "### Description";
        yield return "";
        yield return $"{facts.Property ?? Gap("property")} in {facts.Area ?? Gap("area")}. "
            + Gap("bedrooms, size, view, finishes, amenities, community");
        yield return "";
        yield return "### Key facts";
        yield return "";
        yield return $"- Price: {(facts.Price is { } price ? TemplateDrafter.Aed(price) : Gap("asking price"))}";
        yield return $"- Bedrooms and size: {Gap("from the title deed or floor plan")}";
        yield return $"- RERA permit (Trakheesi) number: {Gap("permit number, required on every advert")}";
    }

    private static IEnumerable<string> SocialPost(DraftInput input, TemplateFacts facts)
    {
        yield return "### Post";
        yield return "";
        yield return $"{(facts.Area is null ? "New listing" : $"New in {facts.Area}")}: {facts.Property ?? Gap("property")}. {Gap("one line on what makes it special")}";
        yield return $"Price: {(facts.Price is { } price ? TemplateDrafter.Aed(price) : Gap("price, or \"price on request\""))}";
        yield return $"Contact {input.AgentName} at {input.BrokerageName}.";
        yield return $"RERA permit: {Gap("permit number")}";
        yield return "";
        yield return "#Dubai #DubaiRealEstate" + (facts.Area is null ? string.Empty : " #" + string.Concat(facts.Area.Where(char.IsLetterOrDigit)));
        yield return "";
        yield return "### Image";
        yield return "";
        yield return Gap("which photo or video to use");
    }

    private static IEnumerable<string> FollowUp(DraftInput input, TemplateFacts facts)
    {
        yield return "### Message";
        yield return "";
        yield return $"Hi {facts.FirstName},";
        yield return "";
        yield return $"This is {input.AgentName} from {input.BrokerageName}.";
        var lastFromClient = input.ConversationExcerpt.LastOrDefault(m => m.Direction == Conversations.MessageDirection.Inbound && !string.IsNullOrWhiteSpace(m.Body));
        if (lastFromClient is not null)
        {
            yield return $"Thank you for your message (\"{FirstLine(lastFromClient.Body!)}\").";
        }

        if (facts.Area is not null)
        {
            yield return $"I have noted your interest in {facts.Area}" + (facts.Budget is { } budget ? $" with a budget of around {TemplateDrafter.Aed(budget)}." : ".");
        }

        yield return Gap("the update or next step, e.g. a viewing time or new options");
        yield return "";
        yield return "Kind regards,";
        yield return input.AgentName;
    }

    private static IEnumerable<string> DocumentCheck(DraftInput input, TemplateFacts facts)
    {
        yield return "### Document";
        yield return "";
        yield return facts.Subject is null ? Gap("name or attach the document to check") : $"About {facts.Subject}: {Gap("name or attach the document")}";
        yield return "";
        yield return "### Checklist";
        yield return "";
        for (var i = 0; i < input.Knowledge.Count; i++)
        {
            yield return $"- [ ] {FirstLine(input.Knowledge[i].Snippet)} [{i + 1}]";
        }

        yield return input.Knowledge.Count == 0
            ? $"- [ ] {Gap("the checks that apply; no brokerage rule matched this request")}"
            : $"- [ ] {Gap("the expert's findings")}";
    }

    private static IEnumerable<string> KnowledgeAnswer(DraftInput input)
    {
        if (input.Knowledge.Count == 0)
        {
            yield return "### Answer";
            yield return "";
            yield return Gap("no passage in the brokerage's knowledge base matched; the expert answers");
            yield break;
        }

        yield return "### What the brokerage's documents say";
        yield return "";
        for (var i = 0; i < input.Knowledge.Count; i++)
        {
            yield return $"- {input.Knowledge[i].Title}: \"{input.Knowledge[i].Snippet.Trim()}\" [{i + 1}]";
        }

        yield return "";
        yield return "### Answer";
        yield return "";
        yield return Gap("the answer, from the passages above");
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
    }
}
