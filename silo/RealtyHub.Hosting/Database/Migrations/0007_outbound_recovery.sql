-- 0007_outbound_recovery.sql
-- Template variables are kept with the message so a reply that a crash left unsent can be sent again as it was.
alter table messages add column template_variables jsonb;
create index messages_outbound_by_time on messages (created_at) where direction = 'Outbound';
