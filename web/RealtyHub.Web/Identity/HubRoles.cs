namespace RealtyHub.Web.Identity;

/// <summary>The console's roles. A user has one brokerage (claim) and one or more roles.</summary>
public static class HubRoles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string BrokerageOwner = nameof(BrokerageOwner);
    public const string Supervisor = nameof(Supervisor);
    public const string Agent = nameof(Agent);
    public const string Expert = nameof(Expert);

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, BrokerageOwner, Supervisor, Agent, Expert];
}
