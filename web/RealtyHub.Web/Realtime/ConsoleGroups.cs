namespace RealtyHub.Web.Realtime;

/// <summary>SignalR group names. Groups are per web node; each node fans out only to its own connections.</summary>
public static class ConsoleGroups
{
    public static string Brokerage(string brokerageId) => $"brokerage:{brokerageId}";

    public static string Supervisors(string brokerageId) => $"supervisors:{brokerageId}";
}
