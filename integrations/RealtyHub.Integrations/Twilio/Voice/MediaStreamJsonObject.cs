using System.Globalization;
using System.Text.Json;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Field access on one JSON object of a Media Stream message that throws <see cref="MediaStreamProtocolException"/>
/// naming the event and the field's path. Twilio sends counters as strings (<c>"sequenceNumber":"3"</c>) and
/// the sample rate as a number; both forms are accepted for every number.
/// </summary>
internal readonly struct MediaStreamJsonObject(JsonElement element, string eventName, string path)
{
    public MediaStreamJsonObject Object(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Object
            ? new MediaStreamJsonObject(value, eventName, Path(name))
            : throw Error($"{Path(name)} must be an object.");
    }

    public string String(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Error($"{Path(name)} must be a non-empty string.");
    }

    public string? OptionalString(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? String(name) : null;

    public string Sid(string name, string prefix)
    {
        var sid = String(name);
        return TwilioSid.IsValid(sid, prefix)
            ? sid
            : throw Error($"{Path(name)} '{sid}' is not a Twilio SID ({prefix} followed by 32 hex digits).");
    }

    public long Number(string name, long min)
    {
        var value = Required(name);
        var parsed = value.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            _ => (long?)null,
        };
        return parsed is { } number && number >= min
            ? number
            : throw Error($"{Path(name)} must be a whole number from {min} (as a string or a number), not {value.GetRawText()}.");
    }

    public long? OptionalNumber(string name, long min) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Number(name, min) : null;

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public byte[] Base64(string name)
    {
        var text = String(name);
        var bytes = new byte[text.Length * 3 / 4];
        return Convert.TryFromBase64String(text, bytes, out var written)
            ? bytes[..written]
            : throw Error($"{Path(name)} is not valid Base64.");
    }

    public List<string> Strings(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{Path(name)} must be an array of strings.");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error($"{Path(name)} must contain only strings."));
        }

        return items;
    }

    public Dictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{Path(name)} must be an object of strings.");
        }

        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw Error($"{Path(name)}.{property.Name} must be a string.");
        }

        return map;
    }

    public MediaStreamProtocolException Error(string reason) => new($"Media Stream '{eventName}' message: {reason}");

    private JsonElement Required(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error($"{Path(name)} is missing.");

    private string Path(string name) => path.Length == 0 ? name : path + "." + name;
}
