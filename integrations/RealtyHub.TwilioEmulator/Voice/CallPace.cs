using System.Globalization;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// How fast an emulated call streams its audio: <see cref="Realtime"/> (one 20 ms frame every 20 ms, as Twilio does),
/// a speed multiplier (2 = twice as fast), or <see cref="Fast"/> (as fast as the socket takes it).
/// </summary>
/// <param name="Speed">Audio seconds sent per wall-clock second; <see cref="double.PositiveInfinity"/> for no pacing.</param>
public readonly record struct CallPace(double Speed)
{
    /// <summary>Twilio's own pace.</summary>
    public static CallPace Realtime { get; } = new(1);

    /// <summary>No pacing at all: for tests.</summary>
    public static CallPace Fast { get; } = new(double.PositiveInfinity);

    /// <summary>
    /// Parses <c>realtime</c>, <c>fast</c> or a positive multiplier (<c>2</c>, <c>2x</c>, <c>0.5</c>); <c>null</c> or empty
    /// means <see cref="Realtime"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Anything else; the message lists what is accepted.</exception>
    public static CallPace Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("realtime", StringComparison.OrdinalIgnoreCase))
        {
            return Realtime;
        }

        if (value.Equals("fast", StringComparison.OrdinalIgnoreCase))
        {
            return Fast;
        }

        var number = value.EndsWith('x') || value.EndsWith('X') ? value[..^1] : value;
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed) && speed is > 0 and <= 1000
            ? new CallPace(speed)
            : throw new ArgumentException($"Pace '{text}' is not 'realtime', 'fast' or a speed multiplier between 0 and 1000 (e.g. '2').", nameof(text));
    }

    /// <summary>When frame <paramref name="index"/> (from 0) of <paramref name="frameLength"/> each is due, after the stream starts.</summary>
    public TimeSpan DueTime(int index, TimeSpan frameLength) =>
        double.IsPositiveInfinity(Speed) ? TimeSpan.Zero : frameLength * index / Speed;
}
