using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Voice;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>
/// Calls for the console: supervisors and owners see (and listen in to) every call of their brokerage, agents their own
/// and unassigned ones. Another agent's call is "not found", as across brokerages.
/// </summary>
public sealed class VoiceService(IGrainFactory grains, IVoiceCallStore store, ISpeechToText speech)
{
    private const int MaxCalls = 100;

    /// <summary><c>null</c> when transcripts can be made; otherwise why not and how to enable them.</summary>
    public string? TranscriptionProblem => speech.Problem;

    public async Task<IReadOnlyList<VoiceCallView>?> ListLiveAsync(ClaimsPrincipal caller, string brokerageId) =>
        caller.CanAccessValidBrokerage(brokerageId) ? [.. (await store.ListLiveAsync(brokerageId, MaxCalls)).Where(c => MaySee(caller, c))] : null;

    public async Task<IReadOnlyList<VoiceCallView>?> ListRecentAsync(ClaimsPrincipal caller, string brokerageId, int limit) =>
        caller.CanAccessValidBrokerage(brokerageId)
            ? [.. (await store.ListRecentAsync(brokerageId, Math.Clamp(limit, 1, MaxCalls))).Where(c => MaySee(caller, c))]
            : null;

    /// <summary>The call with its whole transcript, live from its grain.</summary>
    public async Task<VoiceCallView?> GetAsync(ClaimsPrincipal caller, string brokerageId, string callSid) =>
        caller.CanAccessValidBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, callSid)
        && await grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(brokerageId, callSid)).GetAsync() is { } call && MaySee(caller, call)
            ? call
            : null;

    /// <summary>The lead's calls with their transcripts: the lead's timeline.</summary>
    public async Task<IReadOnlyList<VoiceCallView>?> ListForLeadAsync(ClaimsPrincipal caller, string brokerageId, string leadId) =>
        caller.CanAccessValidBrokerage(brokerageId) && GrainKeys.IsValid(brokerageId, leadId)
            ? [.. (await store.ListForLeadAsync(brokerageId, leadId, MaxCalls)).Where(c => MaySee(caller, c))]
            : null;

    public static bool MaySee(ClaimsPrincipal caller, VoiceCallView call) =>
        caller.CanManageTeam() || (caller.IsInRole(HubRoles.Agent) && (call.AgentId is null || call.AgentId == caller.GetUserId()));
}
