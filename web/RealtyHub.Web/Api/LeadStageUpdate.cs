namespace RealtyHub.Web.Api;

/// <summary>
/// Body of <c>PUT .../leads/{leadId}/stage</c>: the stage's name (<c>"Qualified"</c>). A string rather than the enum so
/// an unknown stage gets a validation problem naming the valid ones.
/// </summary>
public sealed record LeadStageUpdate(string? Stage);
