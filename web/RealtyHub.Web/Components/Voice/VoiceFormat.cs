using System.Globalization;
using MudBlazor;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Web.Components.Voice;

internal static class VoiceFormat
{
    /// <summary>m:ss from the start of the call.</summary>
    public static string Offset(TimeSpan at) => string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalMinutes}:{at.Seconds:00}");

    public static string Duration(VoiceCallView call, DateTimeOffset now) => Offset((call.EndedAt ?? now) - call.StartedAt);

    /// <summary>The call's agent by name (their id if the name is unknown), or "unassigned".</summary>
    public static string AgentName(IReadOnlyDictionary<string, string> names, string? agentId) =>
        agentId is null ? "unassigned" : names.TryGetValue(agentId, out var name) ? name : agentId;

    public static string Caller(VoiceCallView call) => call.ClientName is { Length: > 0 } name ? $"{name} ({call.ClientPhone})" : call.ClientPhone;

    public static Color StateColor(VoiceCallState state) => state switch
    {
        VoiceCallState.Live => Color.Success,
        VoiceCallState.Ringing => Color.Warning,
        _ => Color.Default,
    };
}
