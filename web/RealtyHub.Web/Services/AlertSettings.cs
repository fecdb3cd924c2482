using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Services;

/// <summary>A brokerage's response targets: the first-response SLA and the team board's alert thresholds.</summary>
public sealed record AlertSettings(int FirstResponseSlaMinutes, int LeadWaitMinutes, int ExpertBacklog)
{
    public static AlertSettings Of(BrokerageProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new((int)profile.FirstResponseSla.TotalMinutes, (int)profile.Alerts.LeadWait.TotalMinutes, profile.Alerts.ExpertBacklog);
    }

    /// <summary>What is wrong with the settings, by field; empty when they are valid.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (FirstResponseSlaMinutes is < 1 or > 240)
        {
            problems["firstResponseSlaMinutes"] = ["The first-response SLA must be between 1 and 240 minutes."];
        }

        if (LeadWaitMinutes is < 1 or > 1440)
        {
            problems["leadWaitMinutes"] = ["The lead-wait alert must be between 1 minute and 24 hours (1440 minutes)."];
        }

        if (ExpertBacklog is < 0 or > 1000)
        {
            problems["expertBacklog"] = ["The expert backlog threshold must be between 0 and 1000 requests."];
        }

        return problems;
    }

    public BrokerageProfile ApplyTo(BrokerageProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile with
        {
            FirstResponseSla = TimeSpan.FromMinutes(FirstResponseSlaMinutes),
            Alerts = new BoardThresholds(TimeSpan.FromMinutes(LeadWaitMinutes), ExpertBacklog),
        };
    }
}
