-- 0009_conversation_waiting.sql
-- Since when the client has been waiting for an answer, so the team board can rebuild its queue from the
-- inbox's copy of the conversations after a restart.

alter table conversations add column awaiting_reply_since timestamptz;
create index conversations_open on conversations (brokerage_id) where status <> 'Resolved';
