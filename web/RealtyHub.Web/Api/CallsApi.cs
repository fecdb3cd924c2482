using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Voice;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Api;

/// <summary>Calls and their transcripts under <c>/api/brokerages/{brokerageId}</c> (the same rules as the console's Calls page).</summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}")
            .RequireAuthorization()
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Calls");
        group.MapGet("/calls", ListAsync);
        group.MapGet("/calls/{callSid}", GetAsync);
        group.MapGet("/leads/{leadId}/calls", ListForLeadAsync);
        return group;
    }

    /// <summary>Live calls first, then the most recent ended ones.</summary>
    private static async Task<Results<Ok<CallList>, NotFound>> ListAsync(string brokerageId, ClaimsPrincipal caller, VoiceService voice, int? limit) =>
        await voice.ListLiveAsync(caller, brokerageId) is { } live && await voice.ListRecentAsync(caller, brokerageId, limit ?? 30) is { } recent
            ? TypedResults.Ok(new CallList(live, [.. recent.Where(c => c.State == VoiceCallState.Ended)], voice.TranscriptionProblem))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<VoiceCallView>, NotFound>> GetAsync(string brokerageId, string callSid, ClaimsPrincipal caller, VoiceService voice) =>
        await voice.GetAsync(caller, brokerageId, callSid) is { } call ? TypedResults.Ok(call) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<VoiceCallView>>, NotFound>> ListForLeadAsync(
        string brokerageId, string leadId, ClaimsPrincipal caller, VoiceService voice) =>
        await voice.ListForLeadAsync(caller, brokerageId, leadId) is { } calls ? TypedResults.Ok(calls) : TypedResults.NotFound();

    /// <summary><see cref="TranscriptionProblem"/> says why calls are not transcribed on this hub, and how to fix it.</summary>
    public sealed record CallList(IReadOnlyList<VoiceCallView> Live, IReadOnlyList<VoiceCallView> Recent, string? TranscriptionProblem);
}
