namespace RealtyHub.Web.Services;

/// <summary>Settings of the daily KPI rollup (<c>RealtyHub:Kpis</c>).</summary>
public sealed class KpiOptions
{
    public const string Section = "RealtyHub:Kpis";

    /// <summary>How often today's and yesterday's KPIs are recomputed from the recorded facts.</summary>
    public TimeSpan RollupEvery { get; set; } = TimeSpan.FromMinutes(1);
}
