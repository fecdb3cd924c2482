namespace RealtyHub.Grains.Leads;

/// <summary>Where a lead stands in the brokerage's pipeline.</summary>
[GenerateSerializer, Alias("realtyhub.lead-stage")]
public enum LeadStage
{
    New = 0,
    Contacted = 1,
    Qualified = 2,
    Viewing = 3,
    Negotiation = 4,
    Won = 5,
    Lost = 6,
}
