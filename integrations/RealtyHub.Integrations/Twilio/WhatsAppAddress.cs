using System.Diagnostics.CodeAnalysis;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// A WhatsApp endpoint as Twilio addresses it: <c>whatsapp:</c> followed by an E.164 number
/// (<c>+</c>, then 8–15 digits, the first 1–9). <see cref="ToString"/> gives the Twilio form.
/// </summary>
public sealed record WhatsAppAddress
{
    /// <summary>The channel prefix Twilio puts before WhatsApp numbers.</summary>
    public const string Prefix = "whatsapp:";

    private WhatsAppAddress(string e164) => E164 = e164;

    /// <summary>The number in E.164 form, e.g. <c>+971501234567</c>.</summary>
    public string E164 { get; }

    /// <summary>The WhatsApp ID Twilio reports as <c>WaId</c>: the E.164 number without the <c>+</c>.</summary>
    public string WaId => E164[1..];

    /// <summary>Parses <c>whatsapp:+E164</c>.</summary>
    /// <exception cref="FormatException">The text is not a WhatsApp address; the message says why.</exception>
    public static WhatsAppAddress Parse(string? value) =>
        TryParse(value, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Parses <c>whatsapp:+E164</c>; on failure <paramref name="error"/> says what is wrong, for people.</summary>
    public static bool TryParse(
        string? value, [NotNullWhen(true)] out WhatsAppAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "A WhatsApp address is required (expected 'whatsapp:+<E.164 number>').";
            return false;
        }

        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"'{value}' is not a WhatsApp address: it must start with '{Prefix}' (expected 'whatsapp:+<E.164 number>').";
            return false;
        }

        return TryFromE164(value[Prefix.Length..], out address, out error);
    }

    /// <summary>The address of an E.164 number (<c>+971501234567</c>).</summary>
    /// <exception cref="FormatException">The text is not an E.164 number; the message says why.</exception>
    public static WhatsAppAddress FromE164(string? e164) =>
        TryFromE164(e164, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>The address of an E.164 number; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryFromE164(
        string? e164, [NotNullWhen(true)] out WhatsAppAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = E164Error(e164);
        if (error is not null)
        {
            return false;
        }

        address = new WhatsAppAddress(e164!);
        return true;
    }

    /// <summary><c>whatsapp:+E164</c>, as Twilio expects it in <c>To</c>/<c>From</c>.</summary>
    public override string ToString() => Prefix + E164;

    private static string? E164Error(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "A phone number is required in E.164 form, e.g. '+971501234567'.";
        }

        if (number[0] != '+')
        {
            return $"'{number}' is not an E.164 number: it must start with '+' and the country code.";
        }

        var digits = number.AsSpan(1);
        if (digits.Length is < 8 or > 15)
        {
            return $"'{number}' is not an E.164 number: it must have 8 to 15 digits after the '+' (it has {digits.Length}).";
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return $"'{number}' is not an E.164 number: only digits may follow the '+' (found '{c}').";
            }
        }

        return digits[0] == '0'
            ? $"'{number}' is not an E.164 number: the country code cannot start with 0."
            : null;
    }
}
