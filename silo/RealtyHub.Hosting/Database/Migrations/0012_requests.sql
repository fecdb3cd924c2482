-- 0012_requests.sql
-- AI requests: requests is the queryable copy of each request grain (lists for agents, experts, supervisors);
-- request_events is the append-only audit of every state change (who, when, why).

create table requests (
    brokerage_id  text        not null,
    request_id    text        not null,
    agent_id      text        not null,
    expert_id     text,
    state         text        not null,
    kind          text,
    priority      text        not null,
    title         text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    rating        integer,
    primary key (brokerage_id, request_id)
);
create index requests_by_agent on requests (brokerage_id, agent_id, created_at desc);
create index requests_by_expert on requests (brokerage_id, expert_id, updated_at desc);

create table request_events (
    brokerage_id  text        not null,
    request_id    text        not null,
    sequence      integer     not null,
    occurred_at   timestamptz not null,
    state         text        not null,
    actor         text        not null,
    note          text,
    primary key (brokerage_id, request_id, sequence)
);
