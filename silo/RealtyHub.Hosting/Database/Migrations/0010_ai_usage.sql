-- 0010_ai_usage.sql
-- Tokens each brokerage used with the AI model per UTC day: the daily allowance (RealtyHub:Ai:DailyTokenBudget)
-- is checked against this row before each call and the call's usage added after it.

create table ai_usage (
    brokerage_id  text   not null,
    day           date   not null,
    tokens        bigint not null default 0,
    calls         int    not null default 0,
    primary key (brokerage_id, day)
);
