namespace RealtyHub.Hosting.Orleans;

/// <summary>How this process joins the cluster. Every host of one deployment shares ServiceId and ClusterId.</summary>
public sealed class HubClusterOptions
{
    public const string Section = "RealtyHub:Cluster";

    /// <summary>Stable across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "realtyhub";

    public string ClusterId { get; set; } = "realtyhub";

    /// <summary>Silo-to-silo port; each silo on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; each silo on one machine needs its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at. Loopback for one machine; a routable IP otherwise.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The first liveness probe time-out and the pause between probes of a monitored silo (Orleans: 5 s). Orleans
    /// adapts it per silo between half and four times this value and stretches it while this host is starved, so a
    /// shorter start does not make a busy but healthy silo look dead. A crashed silo is suspected after
    /// <see cref="NumMissedProbesLimit"/> missed probes, so this sets much of the failover time: the failover drill
    /// measured 17.2 s until messages flowed normally again with 5 s, 15.3 s with 2 s (load-tests/reports/profile-20261127.md).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes before a silo votes another one dead (Orleans: 3). Lower trades false suspicions for speed.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// How often the membership table is re-read (Orleans: 60 s). Changes normally spread by gossip at once; this is
    /// the fallback when a gossip message is lost, so a shorter period bounds how long a silo can miss a death.
    /// </summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a death vote counts (Orleans: 2 min). Kept: votes of one incident must meet within it.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a silo writes its heartbeat to the table (Orleans: 5 min); diagnostic, stale-entry cleanup only.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
