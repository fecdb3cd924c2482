namespace RealtyHub.Grains.Agents;

/// <summary>One agent of one brokerage. Key: <c>{brokerageId}/{agentId}</c> (see <see cref="GrainKeys"/>).</summary>
[Alias("realtyhub.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>The agent's profile and presence; <c>null</c> until the agent has been enrolled.</summary>
    [Alias("get")]
    Task<AgentSnapshot?> GetAsync();

    /// <summary>Creates or updates the agent's profile and lists the agent on the brokerage roster.</summary>
    [Alias("enroll")]
    Task<AgentSnapshot> EnrollAsync(AgentProfile profile);

    /// <summary>Changes presence, persists it and tells the brokerage (and so every console watching it).</summary>
    /// <exception cref="InvalidOperationException">The agent has not been enrolled.</exception>
    [Alias("set-presence")]
    Task<AgentSnapshot> SetPresenceAsync(AgentPresence presence, string changedBy);

    /// <summary>Sets the agent's own WhatsApp number (E.164, or <c>null</c>) and whether deliverables are sent there.</summary>
    /// <exception cref="InvalidOperationException">The agent has not been enrolled.</exception>
    [Alias("set-whatsapp")]
    Task<AgentSnapshot> SetWhatsAppAsync(string? number, bool deliverables);
}
