using System.Text.Json.Serialization;

namespace RealtyHub.LlmEmulator.Wire;

/// <summary>
/// The JSON object the emulator answers when asked for one: the shape RealtyHub's understanding prompt requests
/// (every field present, null when unknown), as a model following that prompt would write it.
/// </summary>
internal sealed record UnderstandingJson(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Property,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Area,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ClientName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? PriceAed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Deadline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MissingInfoQuestion);
