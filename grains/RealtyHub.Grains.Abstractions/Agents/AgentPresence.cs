namespace RealtyHub.Grains.Agents;

/// <summary>What an agent tells the team about their availability.</summary>
[GenerateSerializer, Alias("realtyhub.agent-presence")]
public enum AgentPresence
{
    Offline = 0,
    Online = 1,
    Away = 2,
    Busy = 3,
}
