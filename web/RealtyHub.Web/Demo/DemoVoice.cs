using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.Web.Demo;

/// <summary>
/// The demo's voice traffic, through the emulator and the real webhook and media stream paths: a client's WhatsApp
/// voice note, and a client's phone call streamed in real time (speech made with espeak-ng, kept in Demo/Audio).
/// </summary>
internal sealed class DemoVoice(TwilioEmulatorService whatsApp, EmulatedCallService calls)
{
    public const string CallerPhone = "+971501234001";
    public const string VoiceNotePhone = "+971501234002";

    private static readonly Lazy<byte[]> CallAudio = new(() => Read("demo-call.wav"));
    private static readonly Lazy<byte[]> VoiceNoteAudio = new(() => Read("demo-voice-note.ogg"));

    public Task SendVoiceNoteAsync(CancellationToken cancellationToken) =>
        whatsApp.SendInboundAsync(
            VoiceNotePhone, DemoDataSeeder.DemoWhatsAppNumber, string.Empty, "Omar Haddad",
            [new EmulatedMedia("audio/ogg", VoiceNoteAudio.Value)], cancellationToken: cancellationToken);

    /// <summary>Starts the call and returns at once; it streams for about 20 seconds, as a person would speak.</summary>
    public Task<EmulatedCallHandle> StartCallAsync(CancellationToken cancellationToken) =>
        StartCallAsync(CallerPhone, DemoDataSeeder.DemoWhatsAppNumber, "Sara Khan", cancellationToken);

    /// <summary>A call from any number (the Simulator page's client) to a brokerage number, with the demo recording.</summary>
    public Task<EmulatedCallHandle> StartCallAsync(string from, string to, string? callerName, CancellationToken cancellationToken) =>
        calls.StartCallAsync(new EmulatedCallRequest(from, to, CallAudio.Value) { CallerName = callerName, Pace = CallPace.Realtime }, cancellationToken);

    private static byte[] Read(string name)
    {
        using var stream = typeof(DemoVoice).Assembly.GetManifestResourceStream($"demo-audio/{name}")
            ?? throw new InvalidOperationException($"The demo audio {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
