using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using Npgsql;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Data;

internal sealed class ConversationStore(NpgsqlDataSource database) : IConversationStore
{
    private const string SummaryColumns = """
        brokerage_id as BrokerageId, conversation_id as ConversationId, client_phone as ClientPhone, client_name as ClientName,
        lead_id as LeadId, assigned_agent_id as AssignedAgentId, status as Status, last_inbound_at as LastInboundAt,
        last_message_at as LastMessageAt, last_message_preview as LastMessagePreview, unread_count as UnreadCount,
        opted_out as OptedOut, first_response_due_at as FirstResponseDueAt, business_phone as BusinessPhone,
        awaiting_reply_since as AwaitingReplySince
        """;

    public async Task<bool> TryAppendMessageAsync(string brokerageId, string conversationId, ChatMessage message, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into messages (brokerage_id, conversation_id, message_id, direction, body, media, agent_id, template_sid, template_variables, created_at, initial_status)
            values (@brokerageId, @conversationId, @MessageId, @Direction, @Body, @Media::jsonb, @AgentId, @TemplateSid, @TemplateVariables::jsonb, @At, @Status)
            on conflict (brokerage_id, message_id) do nothing
            """,
            new
            {
                brokerageId,
                conversationId,
                message.MessageId,
                Direction = message.Direction.ToString(),
                message.Body,
                Media = JsonSerializer.Serialize(message.Media.IsDefault ? [] : message.Media.ToArray()),
                message.AgentId,
                message.TemplateSid,
                TemplateVariables = message.TemplateVariables is null ? null : JsonSerializer.Serialize(message.TemplateVariables),
                message.At,
                Status = message.Status.ToString(),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task AppendStatusAsync(string brokerageId, string messageId, DeliveryStatus status, string? providerSid, string? errorCode, string? errorMessage, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into message_status_events (brokerage_id, message_id, status, provider_sid, error_code, error_message, occurred_at)
            values (@brokerageId, @messageId, @Status, @providerSid, @errorCode, @errorMessage, @at);
            insert into outbound_sends (provider_sid, brokerage_id, conversation_id, message_id, sent_at)
            select @providerSid, m.brokerage_id, m.conversation_id, m.message_id, @at
            from messages m where @providerSid is not null and m.brokerage_id = @brokerageId and m.message_id = @messageId
            on conflict (provider_sid) do nothing;
            """,
            new { brokerageId, messageId, Status = status.ToString(), providerSid, errorCode, errorMessage, at },
            cancellationToken: cancellationToken));
    }

    public async Task UpsertSummaryAsync(ConversationSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into conversations (brokerage_id, conversation_id, client_phone, business_phone, client_name, lead_id, assigned_agent_id,
                status, last_inbound_at, last_message_at, last_message_preview, unread_count, opted_out, first_response_due_at, awaiting_reply_since)
            values (@BrokerageId, @ConversationId, @ClientPhone, @BusinessPhone, @ClientName, @LeadId, @AssignedAgentId,
                @Status, @LastInboundAt, @LastMessageAt, @LastMessagePreview, @UnreadCount, @OptedOut, @FirstResponseDueAt, @AwaitingReplySince)
            on conflict (brokerage_id, conversation_id) do update set
                client_name = excluded.client_name, lead_id = excluded.lead_id, assigned_agent_id = excluded.assigned_agent_id,
                status = excluded.status, last_inbound_at = excluded.last_inbound_at, last_message_at = excluded.last_message_at,
                last_message_preview = excluded.last_message_preview, unread_count = excluded.unread_count,
                opted_out = excluded.opted_out, first_response_due_at = excluded.first_response_due_at,
                awaiting_reply_since = excluded.awaiting_reply_since
            """,
            new
            {
                summary.BrokerageId,
                summary.ConversationId,
                summary.ClientPhone,
                summary.BusinessPhone,
                summary.ClientName,
                summary.LeadId,
                summary.AssignedAgentId,
                Status = summary.Status.ToString(),
                summary.LastInboundAt,
                summary.LastMessageAt,
                summary.LastMessagePreview,
                summary.UnreadCount,
                summary.OptedOut,
                summary.FirstResponseDueAt,
                summary.AwaitingReplySince,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredMessage>> PageAsync(string brokerageId, string conversationId, long? beforeSequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition(
            """
            select m.sequence as Sequence, m.message_id as MessageId, m.direction as Direction, m.body as Body, m.media::text as Media,
                   m.agent_id as AgentId, m.template_sid as TemplateSid, m.created_at as CreatedAt,
                   coalesce(s.status, m.initial_status) as Status, s.provider_sid as ProviderSid, s.error_code as ErrorCode, s.error_message as ErrorMessage
            from messages m
            left join lateral (
                select e.status, e.provider_sid, e.error_code, e.error_message from message_status_events e
                where e.brokerage_id = m.brokerage_id and e.message_id = m.message_id
                order by e.id desc limit 1) s on true
            where m.brokerage_id = @brokerageId and m.conversation_id = @conversationId
              and (@beforeSequence::bigint is null or m.sequence < @beforeSequence)
            order by m.sequence desc
            limit @limit
            """,
            new { brokerageId, conversationId, beforeSequence, limit },
            cancellationToken: cancellationToken));
        var messages = rows.Select(r => new StoredMessage(r.Sequence, r.ToMessage())).ToList();
        return await WithTranscriptsAsync(connection, brokerageId, messages, cancellationToken);
    }

    /// <summary>Voice notes get their machine transcripts, which are kept apart from the append-only messages.</summary>
    private static async Task<IReadOnlyList<StoredMessage>> WithTranscriptsAsync(
        NpgsqlConnection connection, string brokerageId, List<StoredMessage> messages, CancellationToken cancellationToken)
    {
        var mediaIds = messages.SelectMany(m => m.Message.Media.IsDefault ? [] : m.Message.Media.AsEnumerable())
            .Where(a => a.NeedsTranscript).Select(a => a.MediaId!).ToArray();
        if (mediaIds.Length == 0)
        {
            return messages;
        }

        var transcripts = (await connection.QueryAsync<TranscriptRow>(new CommandDefinition(
            """
            select media_id as MediaId, status as Status, text as Text, language as Language, note as Note
            from media_transcripts where brokerage_id = @brokerageId and media_id = any(@mediaIds)
            """,
            new { brokerageId, mediaIds },
            cancellationToken: cancellationToken))).ToDictionary(t => t.MediaId, StringComparer.Ordinal);
        return [.. messages.Select(m => m with
        {
            Message = m.Message with
            {
                Media = m.Message.Media.IsDefault ? m.Message.Media : [.. m.Message.Media.Select(a =>
                    a.MediaId is { } id && transcripts.TryGetValue(id, out var t)
                        ? a with { Transcript = new MediaTranscript(Enum.Parse<TranscriptStatus>(t.Status), t.Text, t.Language, t.Note) }
                        : a)],
            },
        })];
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string brokerageId, InboxFilter filter, string? agentId, int limit, CancellationToken cancellationToken = default)
    {
        var condition = filter switch
        {
            InboxFilter.Mine => "and assigned_agent_id = @agentId",
            InboxFilter.Unassigned => "and assigned_agent_id is null and status = 'Open'",
            _ => string.Empty,
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"select {SummaryColumns} from conversations where brokerage_id = @brokerageId {condition} order by last_message_at desc limit @limit",
            new { brokerageId, agentId, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListOpenAsync(string brokerageId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"select {SummaryColumns} from conversations where brokerage_id = @brokerageId and status <> 'Resolved' order by last_message_at desc limit @limit",
            new { brokerageId, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<ConversationSummary>> SearchAsync(string brokerageId, string text, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            select {SummaryColumns} from conversations c
            where c.brokerage_id = @brokerageId
              and (c.client_phone like '%' || @digits || '%' and @digits <> ''
                   or c.client_name ilike '%' || @text || '%'
                   or exists (select 1 from messages m where m.brokerage_id = c.brokerage_id and m.conversation_id = c.conversation_id
                              and to_tsvector('simple', coalesce(m.body, '')) @@ plainto_tsquery('simple', @text)))
            order by c.last_message_at desc limit @limit
            """,
            new { brokerageId, text, digits = new string([.. text.Where(char.IsAsciiDigit)]), limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<(string BrokerageId, string ConversationId, string MessageId)?> FindByProviderSidAsync(string providerSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SendRow>(new CommandDefinition(
            "select brokerage_id as BrokerageId, conversation_id as ConversationId, message_id as MessageId from outbound_sends where provider_sid = @providerSid",
            new { providerSid },
            cancellationToken: cancellationToken));
        return row is null ? null : (row.BrokerageId, row.ConversationId, row.MessageId);
    }

    public async Task<IReadOnlyList<OutboundWhatsApp>> ListUnsentAsync(DateTimeOffset queuedBefore, DateTimeOffset queuedAfter, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnsentRow>(new CommandDefinition(
            """
            select m.brokerage_id as BrokerageId, m.conversation_id as ConversationId, m.message_id as MessageId,
                   c.business_phone as FromPhone, c.client_phone as ToPhone, m.body as Body, m.template_sid as TemplateSid,
                   m.template_variables::text as TemplateVariables
            from messages m
            join conversations c on c.brokerage_id = m.brokerage_id and c.conversation_id = m.conversation_id
            where m.direction = 'Outbound' and m.created_at < @queuedBefore and m.created_at > @queuedAfter
              and not exists (select 1 from message_status_events e where e.brokerage_id = m.brokerage_id and e.message_id = m.message_id)
            order by m.created_at
            limit @limit
            """,
            new { queuedBefore, queuedAfter, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboundWhatsApp(
            r.BrokerageId, r.ConversationId, r.MessageId, r.FromPhone, r.ToPhone, r.TemplateSid is null ? r.Body : null, r.TemplateSid,
            r.TemplateVariables is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.TemplateVariables)!.ToImmutableDictionary()))];
    }

    private sealed record UnsentRow(
        string BrokerageId, string ConversationId, string MessageId, string FromPhone, string ToPhone, string? Body, string? TemplateSid, string? TemplateVariables);

    private sealed record SendRow(string BrokerageId, string ConversationId, string MessageId);

    private sealed record TranscriptRow(string MediaId, string Status, string? Text, string? Language, string? Note);

    private sealed record MessageRow(
        long Sequence, string MessageId, string Direction, string? Body, string Media, string? AgentId, string? TemplateSid,
        DateTime CreatedAt, string Status, string? ProviderSid, string? ErrorCode, string? ErrorMessage)
    {
        public ChatMessage ToMessage() => new(
            MessageId,
            Enum.Parse<MessageDirection>(Direction),
            Body,
            [.. JsonSerializer.Deserialize<MediaAttachment[]>(Media) ?? []],
            new DateTimeOffset(CreatedAt, TimeSpan.Zero),
            Enum.Parse<DeliveryStatus>(Status),
            AgentId,
            TemplateSid,
            ProviderSid,
            ErrorCode,
            ErrorMessage);
    }

    private sealed record SummaryRow(
        string BrokerageId, string ConversationId, string ClientPhone, string? ClientName, string? LeadId, string? AssignedAgentId,
        string Status, DateTime? LastInboundAt, DateTime LastMessageAt, string? LastMessagePreview, int UnreadCount, bool OptedOut,
        DateTime? FirstResponseDueAt, string BusinessPhone, DateTime? AwaitingReplySince)
    {
        public ConversationSummary ToSummary() => new(
            BrokerageId, ConversationId, ClientPhone, ClientName, LeadId, AssignedAgentId, Enum.Parse<ConversationStatus>(Status),
            Utc(LastInboundAt), new DateTimeOffset(LastMessageAt, TimeSpan.Zero), LastMessagePreview, UnreadCount, OptedOut,
            Utc(FirstResponseDueAt), BusinessPhone, Utc(AwaitingReplySince));

        private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(v, TimeSpan.Zero) : null;
    }
}
