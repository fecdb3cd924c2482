using System.Diagnostics.CodeAnalysis;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// The outcome of parsing a Twilio webhook form: the value, or the reasons it was rejected, written for a
/// person reading a 400 response or a log line.
/// </summary>
public sealed class TwilioParseResult<T>
    where T : class
{
    internal TwilioParseResult(T? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The parsed value; set exactly when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the form was rejected; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether the form parsed without errors.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;
}
