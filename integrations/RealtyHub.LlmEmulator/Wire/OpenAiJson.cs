using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtyHub.LlmEmulator.Wire;

/// <summary>OpenAI's JSON conventions: snake_case names; absent optional fields are left out.</summary>
internal static class OpenAiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
