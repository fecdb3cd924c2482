using System.Text.RegularExpressions;

namespace RealtyHub.Grains;

/// <summary>
/// Every tenant-owned grain key starts with its brokerage: <c>{brokerageId}/{localId}</c>.
/// Keeping the brokerage inside the key makes a cross-tenant call impossible to express by accident.
/// </summary>
public static partial class GrainKeys
{
    private const char Separator = '/';

    /// <summary>Composes the key of a grain owned by <paramref name="brokerageId"/>.</summary>
    public static string For(string brokerageId, string localId)
    {
        if (!IsValidBrokerageId(brokerageId))
        {
            throw new ArgumentException($"'{brokerageId}' is not a valid brokerage id.", nameof(brokerageId));
        }

        if (!IsValidLocalId(localId))
        {
            throw new ArgumentException($"'{localId}' is not a valid id.", nameof(localId));
        }

        return string.Concat(brokerageId, Separator.ToString(), localId);
    }

    /// <summary>Splits a tenant-owned grain key into its brokerage and local id.</summary>
    public static (string BrokerageId, string LocalId) Parse(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || at == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a brokerage-scoped key.", nameof(key));
        }

        return (key[..at], key[(at + 1)..]);
    }

    /// <summary>Whether <see cref="For"/> accepts these ids: callers check untrusted input with this instead of catching.</summary>
    public static bool IsValid(string? brokerageId, string? localId) => IsValidBrokerageId(brokerageId) && IsValidLocalId(localId);

    private static bool IsValidLocalId(string? localId) =>
        !string.IsNullOrWhiteSpace(localId) && !localId.Contains(Separator, StringComparison.Ordinal);

    /// <summary>Brokerage ids are short lower-case slugs, e.g. <c>dubai-marina-realty</c>.</summary>
    public static bool IsValidBrokerageId(string? brokerageId) =>
        brokerageId is not null && BrokerageIdPattern().IsMatch(brokerageId);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex BrokerageIdPattern();
}
