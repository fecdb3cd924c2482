namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>The emulator's calls by CallSid; the oldest are forgotten beyond <see cref="Capacity"/>, so a long demo stays small.</summary>
internal sealed class EmulatedCallStore
{
    public const int Capacity = 500;

    private readonly Lock gate = new();
    private readonly Dictionary<string, EmulatedCallState> calls = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public void Add(EmulatedCallState call)
    {
        lock (gate)
        {
            calls[call.CallSid] = call;
            order.Enqueue(call.CallSid);
            while (order.Count > Capacity)
            {
                calls.Remove(order.Dequeue());
            }
        }
    }

    public EmulatedCallState? Find(string callSid)
    {
        lock (gate)
        {
            return calls.GetValueOrDefault(callSid);
        }
    }

    public IReadOnlyList<EmulatedCallState> All()
    {
        lock (gate)
        {
            return [.. order.Select(sid => calls[sid])];
        }
    }
}
