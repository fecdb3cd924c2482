using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>One status change of an outbound message, <see cref="Delay"/> after the previous one.</summary>
internal sealed record DeliveryStep(TimeSpan Delay, TwilioMessageStatus Status, int? ErrorCode = null, string? ErrorMessage = null);
