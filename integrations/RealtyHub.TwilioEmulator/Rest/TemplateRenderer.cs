using System.Text.Json;

namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>Fills a content template's <c>{{name}}</c> placeholders from ContentVariables, for display.</summary>
internal static class TemplateRenderer
{
    public static string Render(string contentSid, string? contentVariables, IDictionary<string, string> templates)
    {
        if (!templates.TryGetValue(contentSid, out var template))
        {
            return $"[template {contentSid}] {contentVariables}".TrimEnd();
        }

        if (contentVariables is null)
        {
            return template;
        }

        using var document = JsonDocument.Parse(contentVariables);
        foreach (var variable in document.RootElement.EnumerateObject())
        {
            template = template.Replace("{{" + variable.Name + "}}", variable.Value.GetString(), StringComparison.Ordinal);
        }

        return template;
    }
}
