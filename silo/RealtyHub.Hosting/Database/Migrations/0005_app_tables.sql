-- 0005_app_tables.sql
-- The hub's own tables. Every row carries its brokerage_id: all reads filter by it (tenancy), and it leads
-- every index. Grains hold live state; what grows (audit, lead index) lives here.

-- Lead directory: a queryable copy of each lead grain's list fields, written by the grain on every change.
create table leads (
    brokerage_id    text        not null,
    lead_id         text        not null,
    name            text        not null,
    phone           text        not null,
    source          text        not null,
    stage           text        not null,
    owner_agent_id  text,
    area            text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (brokerage_id, lead_id)
);
create index leads_by_created on leads (brokerage_id, created_at desc);
create index leads_by_phone on leads (brokerage_id, phone);
create index leads_by_owner on leads (brokerage_id, owner_agent_id);

-- Append-only audit trail: sign-ins, presence changes, consent, overrides ... (never updated or deleted).
create table audit_events (
    id            bigint generated always as identity primary key,
    brokerage_id  text        not null,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    subject       text        not null,
    details       text
);
create index audit_events_by_brokerage on audit_events (brokerage_id, id desc);
