using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using Npgsql;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Data;

internal sealed class VoiceCallStore(NpgsqlDataSource database) : IVoiceCallStore
{
    private const string Columns =
        """
        brokerage_id as BrokerageId, call_sid as CallSid, state as State, client_phone as ClientPhone, client_name as ClientName,
        lead_id as LeadId, conversation_id as ConversationId, agent_id as AgentId, started_at as StartedAt, ended_at as EndedAt,
        end_reason as EndReason, transcription_problem as TranscriptionProblem
        """;

    public async Task SaveAsync(VoiceCallView voiceCall, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(voiceCall);
        var call = voiceCall;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into voice_calls (brokerage_id, call_sid, state, client_phone, client_name, lead_id, conversation_id, agent_id,
                                     started_at, ended_at, end_reason, transcription_problem, lines)
            values (@BrokerageId, @CallSid, @State, @ClientPhone, @ClientName, @LeadId, @ConversationId, @AgentId,
                    @StartedAt, @EndedAt, @EndReason, @TranscriptionProblem, @Lines::jsonb)
            on conflict (brokerage_id, call_sid) do update set
                state = excluded.state, client_name = excluded.client_name, lead_id = excluded.lead_id,
                conversation_id = excluded.conversation_id, agent_id = excluded.agent_id, ended_at = excluded.ended_at,
                end_reason = excluded.end_reason, transcription_problem = excluded.transcription_problem, lines = excluded.lines
            """,
            new
            {
                call.BrokerageId, call.CallSid, State = call.State.ToString(), call.ClientPhone, call.ClientName, call.LeadId,
                call.ConversationId, call.AgentId, call.StartedAt, call.EndedAt, call.EndReason, call.TranscriptionProblem,
                Lines = JsonSerializer.Serialize(call.Lines.IsDefault ? [] : call.Lines.ToArray()),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<VoiceCallView?> FindAsync(string brokerageId, string callSid, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            $"select {Columns}, lines::text as Lines from voice_calls where brokerage_id = @brokerageId and call_sid = @callSid",
            new { brokerageId, callSid }, cancellationToken);
        return rows.SingleOrDefault();
    }

    public Task<IReadOnlyList<VoiceCallView>> ListLiveAsync(string brokerageId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"select {Columns}, '[]' as Lines from voice_calls where brokerage_id = @brokerageId and state <> 'Ended' order by started_at desc limit @limit",
            new { brokerageId, limit }, cancellationToken);

    public Task<IReadOnlyList<VoiceCallView>> ListRecentAsync(string brokerageId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"select {Columns}, '[]' as Lines from voice_calls where brokerage_id = @brokerageId order by started_at desc limit @limit",
            new { brokerageId, limit }, cancellationToken);

    public Task<IReadOnlyList<VoiceCallView>> ListForLeadAsync(string brokerageId, string leadId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"select {Columns}, lines::text as Lines from voice_calls where brokerage_id = @brokerageId and lead_id = @leadId order by started_at desc limit @limit",
            new { brokerageId, leadId, limit }, cancellationToken);

    private async Task<IReadOnlyList<VoiceCallView>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToView())];
    }

    private sealed record CallRow(
        string BrokerageId, string CallSid, string State, string ClientPhone, string? ClientName, string? LeadId, string? ConversationId,
        string? AgentId, DateTime StartedAt, DateTime? EndedAt, string? EndReason, string? TranscriptionProblem, string Lines)
    {
        public VoiceCallView ToView() => new(
            BrokerageId, CallSid, Enum.Parse<VoiceCallState>(State), ClientPhone, ClientName, LeadId, ConversationId, AgentId,
            new DateTimeOffset(DateTime.SpecifyKind(StartedAt, DateTimeKind.Utc)),
            EndedAt is { } ended ? new DateTimeOffset(DateTime.SpecifyKind(ended, DateTimeKind.Utc)) : null,
            [.. JsonSerializer.Deserialize<TranscriptLine[]>(Lines) ?? []], TranscriptionProblem, EndReason);
    }
}
