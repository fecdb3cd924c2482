using MudBlazor;
using RealtyHub.Grains.Agents;

namespace RealtyHub.Web.Components.Shared;

/// <summary>One look for presence everywhere it appears.</summary>
internal static class PresenceStyle
{
    public static Color Color(AgentPresence presence) => presence switch
    {
        AgentPresence.Online => MudBlazor.Color.Success,
        AgentPresence.Busy => MudBlazor.Color.Error,
        AgentPresence.Away => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(AgentPresence presence) => presence switch
    {
        AgentPresence.Online => Icons.Material.Filled.CheckCircle,
        AgentPresence.Busy => Icons.Material.Filled.DoNotDisturbOn,
        AgentPresence.Away => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.PowerSettingsNew,
    };
}
