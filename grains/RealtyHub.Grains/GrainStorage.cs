namespace RealtyHub.Grains;

/// <summary>Names of the Orleans providers the grains rely on; the hosts register them.</summary>
public static class GrainStorage
{
    /// <summary>The durable grain-state store (ADO.NET on PostgreSQL in every host).</summary>
    public const string Name = "store";
}
