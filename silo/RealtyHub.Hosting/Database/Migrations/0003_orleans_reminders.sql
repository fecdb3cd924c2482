-- =============================================================================
-- 0003_orleans_reminders.sql
--
-- RealtyHub: PostgreSQL schema for Orleans reminders.
-- Implements the Orleans ADO.NET provider contract (Invariant = "Npgsql") for
-- Microsoft.Orleans.Reminders.AdoNet (AdoNetReminderTable). Written for
-- RealtyHub; checked against Orleans 10.4.2 with PostgreSQL 15.
-- Requires 0001 (orleansquery table).
--
-- Contract notes (see RelationalOrleansQueries / DbStoredQueries):
--   * Parameters: @ServiceId, @GrainId (GrainId.ToString(), e.g.
--     "listing/abc"), @ReminderName, @StartTime (UTC -> timestamptz),
--     @Period (milliseconds; int, or bigint above int.MaxValue),
--     @GrainHash / @BeginHash / @EndHash and @Version (int ETag).
--   * Hashes: GrainId.GetUniformHashCode() is a uint; the provider sends it
--     cast to a signed int, so grain_hash holds that signed value and ranges
--     are compared as signed ints. The provider picks ReadRangeRows1Key when
--     (int)begin < (int)end -> (begin, end]; otherwise ReadRangeRows2Key, the
--     wrapped range (begin, max] + [min, end] (begin = end means the whole ring).
--   * Result columns read by name: GrainId, ReminderName, StartTime, Period
--     (read as Int64), Version. UpsertReminderRowKey returns the new "Version";
--     DeleteReminderRowKey returns one boolean column (false on ETag mismatch).
--
-- Run exactly once (dbup journals it). Contains no $name$ tokens.
-- =============================================================================

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,   -- milliseconds
    grain_hash    integer     NOT NULL,   -- (int)GrainId.GetUniformHashCode()
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo loads the reminders of its slice of the hash ring.
CREATE INDEX orleans_reminder_service_hash_idx
    ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Insert or replace a reminder; every change yields a new version (the ETag).
('UpsertReminderRowKey', '
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET    start_time = EXCLUDED.start_time,
       period     = EXCLUDED.period,
       grain_hash = EXCLUDED.grain_hash,
       version    = r.version + 1
RETURNING r.version AS "Version";
'),

-- All reminders of one grain.
('ReadReminderRowsKey', '
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
FROM   orleans_reminder AS r
WHERE  r.service_id = @ServiceId
  AND  r.grain_id = @GrainId;
'),

-- One reminder of one grain (no row when it does not exist).
('ReadReminderRowKey', '
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
FROM   orleans_reminder AS r
WHERE  r.service_id = @ServiceId
  AND  r.grain_id = @GrainId
  AND  r.reminder_name = @ReminderName;
'),

-- Ring slice that does not wrap in signed order: (begin, end].
('ReadRangeRows1Key', '
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
FROM   orleans_reminder AS r
WHERE  r.service_id = @ServiceId
  AND  r.grain_hash > @BeginHash
  AND  r.grain_hash <= @EndHash;
'),

-- Ring slice that wraps in signed order: (begin, max] plus [min, end].
('ReadRangeRows2Key', '
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
FROM   orleans_reminder AS r
WHERE  r.service_id = @ServiceId
  AND  (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash);
'),

-- Delete one reminder if its ETag still matches. Returns true when deleted.
('DeleteReminderRowKey', '
WITH removed AS (
    DELETE FROM orleans_reminder AS r
    WHERE  r.service_id = @ServiceId
      AND  r.grain_id = @GrainId
      AND  r.reminder_name = @ReminderName
      AND  r.version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted";
'),

-- Drop every reminder of the service (used by tests / tooling).
('DeleteReminderRowsKey', '
DELETE FROM orleans_reminder
WHERE  service_id = @ServiceId;
');
