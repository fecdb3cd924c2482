using RealtyHub.Grains.Agents;

namespace RealtyHub.Web.Api;

/// <summary>Body of <c>PUT .../agents/{agentId}/presence</c>.</summary>
public sealed record PresenceUpdate(AgentPresence? Presence);
