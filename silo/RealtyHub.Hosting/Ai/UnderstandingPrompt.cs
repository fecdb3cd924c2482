using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RealtyHub.Hosting.Ai;

/// <summary>What the model is asked to understand a request: the instructions, and a strict JSON schema for the answer.</summary>
internal static class UnderstandingPrompt
{
    public static readonly string[] Kinds =
        ["market_report", "listing_description", "social_post", "follow_up_message", "document_check", "knowledge_answer"];

    /// <summary>Every field required and nullable, no others: what OpenAI's strict structured outputs accept.</summary>
    private static readonly JsonElement Schema = JsonDocument.Parse($$"""
        {
          "type": "object",
          "properties": {
            "kind": { "type": "string", "enum": {{JsonSerializer.Serialize(Kinds)}} },
            "property": { "type": ["string", "null"] },
            "area": { "type": ["string", "null"] },
            "client_name": { "type": ["string", "null"] },
            "price_aed": { "type": ["number", "null"] },
            "deadline": { "type": ["string", "null"], "description": "yyyy-MM-dd" },
            "missing_info_question": { "type": ["string", "null"] }
          },
          "required": ["kind", "property", "area", "client_name", "price_aed", "deadline", "missing_info_question"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    public static ChatOptions Options() => new()
    {
        ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "request_understanding", "The kind of work an agent asks for and the entities named."),
        Temperature = 0,
        MaxOutputTokens = 400,
        // Microsoft.Extensions.AI.OpenAI sends this as json_schema.strict: the model must follow the schema exactly.
        AdditionalProperties = new() { ["strict"] = true },
    };

    public static List<ChatMessage> Messages(string text, DateOnly today) =>
    [
        new(ChatRole.System, Instructions(today)),
        new(ChatRole.User, text),
    ];

    private static string Instructions(DateOnly today) => string.Create(CultureInfo.InvariantCulture, $"""
        You read what a real-estate agent in Dubai asks their brokerage's back office for, and say what is asked.
        Today is {today:yyyy-MM-dd} ({today:dddd}).
        Answer with one JSON object and nothing else:
        - kind: "market_report" (CMA, valuation, market report for a property or an area), "listing_description" (listing text, marketing copy), "social_post" (Instagram, Facebook, LinkedIn, TikTok), "follow_up_message" (a message to a client), "document_check" (check a document or compliance), or "knowledge_answer" (a question for the brokerage's policies and guides).
        - property: the property named ("Marina villa", "unit 1203", "2-bed in JLT"), or null.
        - area: the Dubai area named ("Dubai Marina", "JLT"), or null.
        - client_name: the client named, as written ("Sara", "Mr. Khan"), or null.
        - price_aed: a price named, in dirhams as a plain number (2.5M is 2500000), or null.
        - deadline: when it is needed, as yyyy-MM-dd counted from today ("tomorrow", "by Friday", "30 Nov"), or null.
        - missing_info_question: one short question for the agent when the work cannot start without an answer (a market report naming no property or area, a follow-up naming no client), or null.
        Use null for anything the request does not say; never guess.
        """);
}
