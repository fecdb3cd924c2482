-- 0013_inbound_parking.sql
-- A stored webhook whose processing keeps failing is retried with growing pauses and, after the last attempt (or at
-- once when it cannot be parsed), parked: kept, shown to the brokerage's admins with the error, and retried on demand.
-- Nothing acknowledged is ever dropped.

alter table inbound_webhooks add column attempts integer not null default 0;
alter table inbound_webhooks add column last_error text;
alter table inbound_webhooks add column next_attempt_at timestamptz;
alter table inbound_webhooks add column parked_at timestamptz;
drop index inbound_webhooks_pending;
create index inbound_webhooks_pending on inbound_webhooks (received_at) where processed_at is null and parked_at is null;
create index inbound_webhooks_parked on inbound_webhooks (brokerage_id, parked_at) where parked_at is not null and processed_at is null;
