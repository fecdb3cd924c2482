namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>A call the emulator is placing: its state now, and its end.</summary>
public sealed class EmulatedCallHandle
{
    private readonly EmulatedCallState state;

    internal EmulatedCallHandle(EmulatedCallState state) => this.state = state;

    /// <summary>The call's id (<c>CA…</c>).</summary>
    public string CallSid => state.CallSid;

    /// <summary>A snapshot of the call as it is now.</summary>
    public EmulatedCall Current => state.Snapshot();

    /// <summary>Completes with the final snapshot once the call has ended and its status callback (if any) was posted.</summary>
    public Task<EmulatedCall> Completion => state.Finished;
}
