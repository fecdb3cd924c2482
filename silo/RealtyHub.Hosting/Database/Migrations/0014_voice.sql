-- 0014_voice.sql
-- Machine transcripts of voice notes (kept apart from the append-only messages, joined when a page is read), and
-- live calls with their transcripts: the lead's timeline lists them, supervisors find the live ones to listen in.

create table media_transcripts (
    brokerage_id  text        not null,
    media_id      text        not null,
    status        text        not null,
    text          text,
    language      text,
    note          text,
    updated_at    timestamptz not null,
    primary key (brokerage_id, media_id)
);

create table voice_calls (
    brokerage_id          text        not null,
    call_sid              text        not null,
    state                 text        not null,
    client_phone          text        not null,
    client_name           text,
    lead_id               text,
    conversation_id       text,
    agent_id              text,
    started_at            timestamptz not null,
    ended_at              timestamptz,
    end_reason            text,
    transcription_problem text,
    lines                 jsonb       not null default '[]',
    primary key (brokerage_id, call_sid)
);
create index voice_calls_lead on voice_calls (brokerage_id, lead_id, started_at desc);
create index voice_calls_live on voice_calls (brokerage_id, started_at desc) where state <> 'Ended';
