using RealtyHub.Grains.Leads;

namespace RealtyHub.Grains.Data;

/// <summary>
/// The queryable index of leads (<c>leads</c> table). The lead grain owns the truth and writes here on every
/// change, so lists and searches never have to activate thousands of grains.
/// </summary>
public interface ILeadDirectory
{
    Task UpsertAsync(LeadSnapshot lead, CancellationToken cancellationToken = default);

    /// <summary>Leads of one brokerage, newest first.</summary>
    Task<IReadOnlyList<LeadListItem>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Leads whose name contains <paramref name="name"/> as whole words, newest first.</summary>
    Task<IReadOnlyList<LeadListItem>> FindByNameAsync(string brokerageId, string name, int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(string brokerageId, CancellationToken cancellationToken = default);
}
