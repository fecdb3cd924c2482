namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>A phone call for the emulator to place to the hub's Voice URL, as a caller would.</summary>
/// <param name="From">The caller, <c>+E164</c>.</param>
/// <param name="To">The hub's number, <c>+E164</c>.</param>
/// <param name="Wav">What the caller says: a WAV file of any sample rate and channel count.</param>
public sealed record EmulatedCallRequest(string From, string To, ReadOnlyMemory<byte> Wav)
{
    /// <summary>The mark the emulator sends after the audio unless <see cref="Marks"/> says otherwise.</summary>
    public const string DefaultMark = "end-of-audio";

    /// <summary>How fast the audio is streamed; Twilio's real-time pace by default.</summary>
    public CallPace Pace { get; init; } = CallPace.Realtime;

    /// <summary>The caller ID name posted as <c>CallerName</c>, if any.</summary>
    public string? CallerName { get; init; }

    /// <summary>Keys the caller presses after speaking (<c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>), sent as <c>dtmf</c> messages.</summary>
    public string Dtmf { get; init; } = string.Empty;

    /// <summary>The <c>mark</c> messages sent after the audio and keys, before <c>stop</c>.</summary>
    public IReadOnlyList<string> Marks { get; init; } = [DefaultMark];
}
