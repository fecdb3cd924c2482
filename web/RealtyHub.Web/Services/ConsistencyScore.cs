namespace RealtyHub.Web.Services;

/// <summary>
/// The team's agent consistency (see <see cref="TeamConsistency"/>): <paramref name="Score"/> 0-100, or <c>null</c> with
/// the reason in <paramref name="Explanation"/>; <paramref name="Spreads"/> are the KPIs that went into it.
/// </summary>
public sealed record ConsistencyScore(int? Score, int ActiveAgents, IReadOnlyList<KpiSpread> Spreads, string Explanation);

/// <summary>How far apart the agents are on one KPI: the team mean and the coefficient of variation (capped at 1).</summary>
public sealed record KpiSpread(string Kpi, double Mean, double CoefficientOfVariation);
