-- 0008_agent_kpis.sql
-- Team performance: what agents did, as append-only facts, and the daily KPIs rolled up from them. The rollup
-- rewrites a day's rows from the facts, so it can run again (every minute for today) without drifting.

-- One fact per reply, lead moved forward, AI request made or deliverable rated (kinds: AgentActivityKinds).
create table agent_activity (
    id            bigint generated always as identity primary key,
    brokerage_id  text        not null,
    agent_id      text        not null,
    occurred_at   timestamptz not null,
    kind          text        not null,
    subject       text        not null,
    value_ms      bigint
);
create index agent_activity_by_time on agent_activity (brokerage_id, occurred_at);

-- One row per agent per local day (the brokerage's time zone) on which the agent did anything.
create table agent_daily_kpis (
    brokerage_id              text        not null,
    agent_id                  text        not null,
    day                       date        not null,
    conversations_handled     int         not null,
    first_response_median_ms  bigint,
    first_responses           int         not null,
    messages_sent             int         not null,
    leads_advanced            int         not null,
    requests_made             int         not null,
    average_rating            numeric,
    ratings                   int         not null,
    rolled_up_at              timestamptz not null,
    primary key (brokerage_id, agent_id, day)
);
