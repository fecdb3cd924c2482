using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>What the emulator does with the hub's TwiML: the first verb that ends or streams the call decides.</summary>
/// <param name="Outcome">Whether the call streams, is rejected, hung up, or runs out of TwiML.</param>
/// <param name="RejectReason">For <see cref="TwimlOutcome.Reject"/>.</param>
/// <param name="StreamUrl">For <see cref="TwimlOutcome.Stream"/>.</param>
/// <param name="StreamParameters">The stream's <c>&lt;Parameter&gt;</c>s, in document order.</param>
/// <param name="Said">The text of the <c>&lt;Say&gt;</c>s before that verb.</param>
internal sealed record TwimlPlan(
    TwimlOutcome Outcome,
    TwilioRejectReason RejectReason,
    Uri? StreamUrl,
    IReadOnlyDictionary<string, string> StreamParameters,
    IReadOnlyList<string> Said);
