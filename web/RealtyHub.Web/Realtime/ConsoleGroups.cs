namespace RealtyHub.Web.Realtime;

/// <summary>SignalR group names. Groups are per web node; each node fans out only to its own connections.</summary>
public static class ConsoleGroups
{
    public static string Brokerage(string brokerageId) => $"brokerage:{brokerageId}";

    public static string Supervisors(string brokerageId) => $"supervisors:{brokerageId}";

    /// <summary>All agents of a brokerage: they hear about unassigned conversations.</summary>
    public static string Agents(string brokerageId) => $"agents:{brokerageId}";

    /// <summary>One agent: they hear about the conversations assigned to them.</summary>
    public static string Agent(string brokerageId, string agentId) => $"agent:{brokerageId}:{agentId}";

    /// <summary>Every expert of the brokerage (request queue changes).</summary>
    public static string Experts(string brokerageId) => $"experts:{brokerageId}";

    /// <summary>One expert (their offers).</summary>
    public static string Expert(string brokerageId, string expertId) => $"expert:{brokerageId}:{expertId}";
}
