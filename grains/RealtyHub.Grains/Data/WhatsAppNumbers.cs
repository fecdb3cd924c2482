using Dapper;
using Npgsql;

namespace RealtyHub.Grains.Data;

internal sealed class WhatsAppNumbers(NpgsqlDataSource database) : IWhatsAppNumbers
{
    public async Task ClaimAsync(string brokerageId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var phone in phones)
        {
            var owner = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                """
                insert into whatsapp_numbers (phone, brokerage_id) values (@phone, @brokerageId)
                on conflict (phone) do update set phone = excluded.phone
                returning brokerage_id
                """,
                new { phone, brokerageId },
                transaction,
                cancellationToken: cancellationToken));
            if (owner != brokerageId)
            {
                throw new InvalidOperationException($"WhatsApp number {phone} already belongs to another brokerage.");
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "delete from whatsapp_numbers where brokerage_id = @brokerageId and not (phone = any(@phones))",
            new { brokerageId, phones = phones.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> FindBrokerageAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select brokerage_id from whatsapp_numbers where phone = @phone", new { phone }, cancellationToken: cancellationToken));
    }
}
