namespace RealtyHub.TwilioEmulator;

/// <summary>A message was created or changed status; <see cref="Message"/> is its new snapshot.</summary>
public sealed class EmulatedMessageEventArgs(EmulatedMessage message) : EventArgs
{
    /// <summary>The message after the change.</summary>
    public EmulatedMessage Message { get; } = message;
}
