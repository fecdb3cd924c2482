namespace RealtyHub.Grains.Data;

/// <summary>Which brokerage owns a WhatsApp business number (E.164): how an inbound webhook finds its tenant.</summary>
public interface IWhatsAppNumbers
{
    /// <summary>Claims the numbers for the brokerage; a number another brokerage already owns is refused.</summary>
    /// <exception cref="InvalidOperationException">A number belongs to another brokerage.</exception>
    Task ClaimAsync(string brokerageId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default);

    Task<string?> FindBrokerageAsync(string phone, CancellationToken cancellationToken = default);
}
