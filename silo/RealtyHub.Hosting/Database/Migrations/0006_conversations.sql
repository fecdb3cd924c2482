-- 0006_conversations.sql
-- WhatsApp conversations. messages and message_status_events are append-only; conversations is the inbox's
-- queryable copy of each conversation grain's summary; inbound_webhooks is the durable inbox of Twilio webhooks
-- (acknowledged once stored, processed after); outbound_sends maps Twilio's message sid back to our message.

create table conversations (
    brokerage_id          text        not null,
    conversation_id       text        not null,
    client_phone          text        not null,
    business_phone        text        not null,
    client_name           text,
    lead_id               text,
    assigned_agent_id     text,
    status                text        not null,
    last_inbound_at       timestamptz,
    last_message_at       timestamptz not null,
    last_message_preview  text,
    unread_count          integer     not null,
    opted_out             boolean     not null,
    first_response_due_at timestamptz,
    primary key (brokerage_id, conversation_id)
);
create index conversations_by_agent on conversations (brokerage_id, assigned_agent_id, last_message_at desc);
create index conversations_by_recent on conversations (brokerage_id, last_message_at desc);

create table messages (
    sequence         bigint generated always as identity primary key,
    brokerage_id     text        not null,
    conversation_id  text        not null,
    message_id       text        not null,
    direction        text        not null,
    body             text,
    media            jsonb       not null default '[]',
    agent_id         text,
    template_sid     text,
    created_at       timestamptz not null,
    initial_status   text        not null,
    unique (brokerage_id, message_id)
);
create index messages_by_conversation on messages (brokerage_id, conversation_id, sequence desc);
create index messages_body_search on messages using gin (to_tsvector('simple', coalesce(body, '')));

create table message_status_events (
    id             bigint generated always as identity primary key,
    brokerage_id   text        not null,
    message_id     text        not null,
    status         text        not null,
    provider_sid   text,
    error_code     text,
    error_message  text,
    occurred_at    timestamptz not null
);
create index message_status_by_message on message_status_events (brokerage_id, message_id, id desc);

create table outbound_sends (
    provider_sid     text primary key,
    brokerage_id     text        not null,
    conversation_id  text        not null,
    message_id       text        not null,
    sent_at          timestamptz not null
);

create table inbound_webhooks (
    message_sid    text primary key,
    brokerage_id   text        not null,
    payload        jsonb       not null,
    received_at    timestamptz not null,
    processed_at   timestamptz
);
create index inbound_webhooks_pending on inbound_webhooks (received_at) where processed_at is null;

-- Which brokerage a WhatsApp business number belongs to (the webhook's To).
create table whatsapp_numbers (
    phone         text primary key,
    brokerage_id  text not null
);

create table media_blobs (
    media_id      uuid primary key,
    brokerage_id  text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    content       bytea       not null,
    created_at    timestamptz not null
);
