namespace RealtyHub.Web.Services;

public static class TeamPerformanceHostingExtensions
{
    /// <summary>Team performance: the KPI rollup worker and the service behind the team page and the KPI API.</summary>
    public static WebApplicationBuilder AddRealtyHubTeamPerformance(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<KpiOptions>(builder.Configuration.GetSection(KpiOptions.Section));
        builder.Services.AddSingleton<TeamPerformanceService>();
        builder.Services.AddSingleton<KpiRollupWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KpiRollupWorker>());
        return builder;
    }
}
