using RealtyHub.Grains.Leads;

namespace RealtyHub.Grains.Data;

/// <summary>A row of the lead directory: enough to list, filter and open a lead.</summary>
public sealed record LeadListItem(
    string BrokerageId,
    string LeadId,
    string Name,
    string Phone,
    string Source,
    LeadStage Stage,
    string? OwnerAgentId,
    string? Area,
    DateTimeOffset CreatedAt);
