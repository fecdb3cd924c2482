namespace RealtyHub.LoadTests.Environment;

/// <summary>
/// How many web nodes (console + API + co-hosted silo) and headless silos to start on one PostgreSQL;
/// <paramref name="PlaceholderVoiceModel"/> gives them a placeholder Whisper model so live calls are transcribed
/// (only the voice scenario needs it: writing the file costs a few seconds).
/// </summary>
public sealed record HubTopology(int WebNodes, int HeadlessSilos, bool PlaceholderVoiceModel = false)
{
    public static readonly HubTopology OneWebNode = new(1, 0);

    /// <summary>The failover drill's shape: 2 web nodes and 3 headless silos.</summary>
    public static readonly HubTopology ScaleOut = new(2, 3);
}
