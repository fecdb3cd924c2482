using System.Globalization;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Read access to a webhook form that collects errors instead of throwing, so one 400 can list every problem.
/// The first value of a repeated name wins (Twilio never repeats the fields we read).
/// </summary>
internal sealed class TwilioFormFields
{
    private readonly Dictionary<string, string> fields = new(StringComparer.Ordinal);

    public TwilioFormFields(IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var (name, value) in form)
        {
            fields.TryAdd(name, value);
        }
    }

    public List<string> Errors { get; } = [];

    public bool Contains(string name) => fields.ContainsKey(name);

    public string? Optional(string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            Errors.Add($"{name} is required.");
        }

        return value ?? string.Empty;
    }

    public string RequiredSid(string name, params string[] prefixes)
    {
        var value = Required(name);
        if (value.Length > 0 && !TwilioSid.IsValid(value, prefixes))
        {
            Errors.Add($"{name} '{value}' is not a Twilio SID (expected {string.Join(" or ", prefixes)} followed by 32 hex digits).");
        }

        return value;
    }

    public WhatsAppAddress? RequiredWhatsApp(string name)
    {
        var value = Required(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (WhatsAppAddress.TryParse(value, out var address, out var error))
        {
            return address;
        }

        Errors.Add($"{name}: {error}");
        return null;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        var value = Optional(name);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Errors.Add($"{name} '{value}' is not a whole number between {min} and {max}.");
        return null;
    }
}
