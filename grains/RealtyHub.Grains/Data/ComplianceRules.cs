using Dapper;
using Npgsql;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Grains.Data;

internal sealed class ComplianceRules(NpgsqlDataSource database, TimeProvider clock) : IComplianceRules
{
    private const string Upsert =
        """
        insert into compliance_rules (brokerage_id, rule_id, rule_type, pattern, applies_to, message, enabled, updated_by, updated_at)
        values (@brokerageId, @RuleId, @RuleType, @Pattern, @AppliesTo, @Message, @Enabled, @UpdatedBy, @UpdatedAt)
        """;

    public async Task<IReadOnlyList<ComplianceRule>> ListAsync(string brokerageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            """
            select rule_id as RuleId, rule_type as RuleType, pattern as Pattern, array_to_string(applies_to, ',') as AppliesTo, message as Message,
                   enabled as Enabled, updated_by as UpdatedBy, updated_at as UpdatedAt
            from compliance_rules where brokerage_id = @brokerageId order by rule_id
            """,
            new { brokerageId },
            cancellationToken: cancellationToken));
        var rules = rows.Select(r => r.ToRule()).ToList();
        return rules.Count > 0 ? rules : ComplianceDefaults.Rules;
    }

    public async Task EnsureDefaultsAsync(string brokerageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureDefaultsAsync(connection, brokerageId, cancellationToken);
    }

    public async Task<ComplianceRule> UpsertAsync(string brokerageId, ComplianceRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var stored = rule with { UpdatedAt = clock.GetUtcNow() };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureDefaultsAsync(connection, brokerageId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Upsert + """
                      on conflict (brokerage_id, rule_id) do update set
                          rule_type = excluded.rule_type, pattern = excluded.pattern, applies_to = excluded.applies_to,
                          message = excluded.message, enabled = excluded.enabled, updated_by = excluded.updated_by,
                          updated_at = excluded.updated_at
                      """,
            Parameters(brokerageId, stored),
            cancellationToken: cancellationToken));
        return stored;
    }

    public async Task<bool> DeleteAsync(string brokerageId, string ruleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureDefaultsAsync(connection, brokerageId, cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "delete from compliance_rules where brokerage_id = @brokerageId and rule_id = @ruleId",
            new { brokerageId, ruleId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// One statement per default, each inserted only while the brokerage has no rule at all, in one transaction: two
    /// first edits at once store the defaults once (conflicts are ignored), and a half-seeded set is impossible.
    /// </summary>
    private async Task EnsureDefaultsAsync(NpgsqlConnection connection, string brokerageId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var any = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from compliance_rules where brokerage_id = @brokerageId)",
            new { brokerageId },
            transaction,
            cancellationToken: cancellationToken));
        if (!any)
        {
            var now = clock.GetUtcNow();
            foreach (var rule in ComplianceDefaults.Rules)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    Upsert + " on conflict (brokerage_id, rule_id) do nothing",
                    Parameters(brokerageId, rule with { UpdatedAt = now }),
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static object Parameters(string brokerageId, ComplianceRule rule) => new
    {
        brokerageId,
        rule.RuleId,
        rule.RuleType,
        rule.Pattern,
        AppliesTo = rule.AppliesTo.Select(k => k.ToString()).ToArray(),
        rule.Message,
        rule.Enabled,
        rule.UpdatedBy,
        UpdatedAt = rule.UpdatedAt.ToUniversalTime(),
    };

    /// <summary>A stored rule; kinds come as one comma-separated string because Dapper cannot bind text[] to a constructor.</summary>
    private sealed record RuleRow(string RuleId, string RuleType, string Pattern, string AppliesTo, string Message, bool Enabled, string UpdatedBy, DateTime UpdatedAt)
    {
        // A kind name this version does not know is skipped rather than failing the list; a rule left with no known kind
        // applies to every kind, which is stricter, never silently off.
        public ComplianceRule ToRule() => new(
            RuleId, RuleType, Pattern,
            [.. AppliesTo.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Enum.TryParse<RequestKind>(name, out var kind) && Enum.IsDefined(kind) ? (RequestKind?)kind : null).OfType<RequestKind>()],
            Message, Enabled, UpdatedBy, new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)));
    }
}
