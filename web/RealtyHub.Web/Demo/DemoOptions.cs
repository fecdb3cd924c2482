namespace RealtyHub.Web.Demo;

/// <summary>Demo mode (on by default): a Dubai brokerage with a team and leads, seeded once.</summary>
public sealed class DemoOptions
{
    public const string Section = "RealtyHub:Demo";

    public bool Enabled { get; set; } = true;

    public string BrokerageId { get; set; } = "dubai-marina-realty";

    /// <summary>The demo users' password. Demo only: set another through RealtyHub__Demo__Password.</summary>
    public string Password { get; set; } = "Marina-Demo-2026";

    /// <summary>Simulated clients and agents keep the console moving (needs the Twilio emulator).</summary>
    public bool Traffic { get; set; } = true;
}
