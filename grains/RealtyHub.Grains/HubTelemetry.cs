using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RealtyHub.Grains;

/// <summary>The hub's own meter and activity source; the hosts export both through OpenTelemetry.</summary>
public static class HubTelemetry
{
    public const string Name = "RealtyHub";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Counter<long> PresenceChanges =
        Meter.CreateCounter<long>("realtyhub.agent.presence_changes", description: "Agent presence changes");

    public static readonly Counter<long> SignIns =
        Meter.CreateCounter<long>("realtyhub.auth.sign_ins", description: "Sign-in attempts by outcome");
}
