using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Data;

/// <summary>Calls and their transcripts in PostgreSQL: the lead's timeline and the board's list of live calls.</summary>
public interface IVoiceCallStore
{
    /// <summary>Inserts or replaces the call's row (its grain is the only writer).</summary>
    Task SaveAsync(VoiceCallView voiceCall, CancellationToken cancellationToken = default);

    Task<VoiceCallView?> FindAsync(string brokerageId, string callSid, CancellationToken cancellationToken = default);

    /// <summary>Calls not ended yet, newest first (without their lines).</summary>
    Task<IReadOnlyList<VoiceCallView>> ListLiveAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The brokerage's calls, newest first (without their lines).</summary>
    Task<IReadOnlyList<VoiceCallView>> ListRecentAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A lead's calls with their transcripts, newest first.</summary>
    Task<IReadOnlyList<VoiceCallView>> ListForLeadAsync(string brokerageId, string leadId, int limit, CancellationToken cancellationToken = default);
}
