using System.Net;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>What the test hooks decided for one request: wait this long, then fail with this status (or answer).</summary>
internal sealed record RequestPlan(TimeSpan Delay, HttpStatusCode? Failure);
