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
}
