using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtyHub.Testing;

/// <summary>The wire format of the hub's API and hub: web defaults with enums as names.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
