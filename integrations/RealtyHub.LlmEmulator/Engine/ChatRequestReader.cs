using System.Text;
using System.Text.Json;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>
/// Reads a chat completions request body. Message content may be a string or an array of parts (only text parts
/// are kept), as the OpenAI API allows both.
/// </summary>
internal static class ChatRequestReader
{
    public static (EmulatedChatRequest? Request, bool IncludeUsage, string? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, false, "The body must be a JSON object.");
        }

        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            return (null, false, "you must provide a model parameter");
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return (null, false, "'messages' must be a non-empty array");
        }

        var read = messages.EnumerateArray()
            .Select(m => new EmulatedChatMessage(String(m, "role") ?? "user", Content(m)))
            .ToList();
        var format = root.TryGetProperty("response_format", out var responseFormat) ? String(responseFormat, "type") : null;
        var strict = format == "json_schema"
            && responseFormat.TryGetProperty("json_schema", out var schema) && schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty("strict", out var strictFlag) && strictFlag.ValueKind == JsonValueKind.True;
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var streamOptions)
            && streamOptions.ValueKind == JsonValueKind.Object
            && streamOptions.TryGetProperty("include_usage", out var usage) && usage.ValueKind == JsonValueKind.True;
        return (new EmulatedChatRequest(model.GetString()!, read, format, stream, strict), includeUsage, null);
    }

    private static string Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray().Where(p => String(p, "type") == "text"))
        {
            text.Append(String(part, "text"));
        }

        return text.ToString();
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
