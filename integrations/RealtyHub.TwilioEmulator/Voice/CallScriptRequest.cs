using System.Text.Json;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// Body of <c>POST {prefix}/emulator/calls</c>:
/// <c>{"from": "+971501234567", "to": "+97140000001", "wavBase64": "UklGR...", "pace": "realtime" | "fast" | 2,
/// "callerName": "Sara", "dtmf": "1#", "marks": ["end-of-audio"], "wait": false}</c>.
/// </summary>
/// <param name="From">The caller, <c>+E164</c>.</param>
/// <param name="To">The hub's number, <c>+E164</c>.</param>
/// <param name="WavBase64">The caller's audio: a WAV file (any rate, any channels), Base64.</param>
/// <param name="Pace"><c>"realtime"</c> (default), <c>"fast"</c>, or a speed multiplier as a number or string.</param>
/// <param name="CallerName">Posted as <c>CallerName</c>.</param>
/// <param name="Dtmf">Keys pressed after speaking.</param>
/// <param name="Marks">Marks sent before <c>stop</c>; one <c>end-of-audio</c> mark when absent.</param>
/// <param name="Wait">Answer once the call has ended (200) instead of once the hub has answered (202).</param>
public sealed record CallScriptRequest(
    string From,
    string To,
    string WavBase64,
    JsonElement? Pace = null,
    string? CallerName = null,
    string? Dtmf = null,
    IReadOnlyList<string>? Marks = null,
    bool Wait = false)
{
    /// <summary>The request for <see cref="EmulatedCallService"/>.</summary>
    /// <exception cref="FormatException"><see cref="WavBase64"/> is not Base64.</exception>
    /// <exception cref="ArgumentException">The pace is not one of the accepted forms.</exception>
    public EmulatedCallRequest ToRequest() =>
        new(From, To, Convert.FromBase64String(WavBase64 ?? string.Empty))
        {
            Pace = CallPace.Parse(Pace is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : Pace?.ToString()),
            CallerName = CallerName,
            Dtmf = Dtmf ?? string.Empty,
            Marks = Marks ?? [EmulatedCallRequest.DefaultMark],
        };
}
