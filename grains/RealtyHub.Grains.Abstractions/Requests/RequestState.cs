namespace RealtyHub.Grains.Requests;

/// <summary>
/// Where an AI request stands. The happy path runs Received → (Transcribing) → Understanding → Drafting →
/// AwaitingExpert → InReview → Delivered; NeedsInfo waits for the agent's answer; Rejected, Cancelled and Delivered
/// are final; Failed can be retried.
/// </summary>
[GenerateSerializer, Alias("realtyhub.request-state")]
public enum RequestState
{
    Received = 0,
    Transcribing = 1,
    Understanding = 2,
    Drafting = 3,
    AwaitingExpert = 4,
    InReview = 5,
    NeedsInfo = 6,
    Delivered = 7,
    Rejected = 8,
    Cancelled = 9,
    Failed = 10,
}

public static class RequestStates
{
    public static bool IsFinal(this RequestState state) =>
        state is RequestState.Delivered or RequestState.Rejected or RequestState.Cancelled;
}
