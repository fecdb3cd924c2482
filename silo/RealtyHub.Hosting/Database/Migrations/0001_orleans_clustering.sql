-- =============================================================================
-- 0001_orleans_clustering.sql
--
-- RealtyHub: PostgreSQL schema for Orleans cluster membership.
-- Implements the Orleans ADO.NET provider contract (Invariant = "Npgsql") for
-- Microsoft.Orleans.Clustering.AdoNet. Written for RealtyHub; checked against
-- Orleans 10.4.2 (Microsoft.Orleans.*.AdoNet 10.4.2) with PostgreSQL 15.
--
-- Contract notes (see the provider's DbStoredQueries / RelationalOrleansQueries):
--   * Every provider loads its SQL with the hard-coded, unquoted statement
--       SELECT QueryKey, QueryText FROM OrleansQuery
--     PostgreSQL folds unquoted names to lower case, so the table must be
--     called orleansquery with columns querykey / querytext.
--   * Parameters arrive as @DeploymentId (the ClusterId), @Address (text),
--     @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
--     @StartTime, @IAmAliveTime (UTC DateTime -> timestamptz), @SuspectTimes
--     ("silo,date|silo,date" text) and @Version (int, the table-version ETag).
--   * Result columns are read by name: Version, Address, Port, Generation,
--     SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime,
--     IAmAliveTime. They are returned with quoted aliases in exactly that
--     spelling.
--   * Insert/update of a member row must bump the per-cluster table version
--     atomically and only when @Version still matches; the query then returns
--     one boolean column (true = applied, false = lost the race).
--   * Read queries must always yield the version row, even when no silo row
--     matches (LEFT JOIN), otherwise the provider fails on an empty result.
--
-- Run exactly once (dbup journals it). Contains no $name$ tokens, so dbup
-- variable substitution cannot alter it.
-- =============================================================================

-- Stored queries for every Orleans ADO.NET provider (shared by 0002 and 0003).
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey)
);

-- One row per cluster (DeploymentId = ClusterOptions.ClusterId). Its version
-- is the optimistic-concurrency ETag of the whole membership table.
CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,   -- Orleans SiloStatus (3 = Active, 6 = Dead)
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fkey FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row if missing. Returns true when it was created.
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING deployment_id
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted";
'),

-- Heartbeat. Does not touch the table version; never moves the time backwards.
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership AS m
SET    i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
WHERE  m.deployment_id = @DeploymentId
  AND  m.address = @Address
  AND  m.port = @Port
  AND  m.generation = @Generation;
'),

-- Adds a silo row. The version row is bumped (and locked) first; the silo row
-- is only inserted if that bump succeeded, so both happen or neither does.
('InsertMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET    version = v.version + 1,
           updated_at = now()
    WHERE  v.deployment_id = @DeploymentId
      AND  v.version = @Version
      AND  v.version < 2147483647
      AND  NOT EXISTS (
               SELECT 1
               FROM   orleans_membership AS m
               WHERE  m.deployment_id = @DeploymentId
                 AND  m.address = @Address
                 AND  m.port = @Port
                 AND  m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM   bumped AS b
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added) AS "Inserted";
'),

-- Changes status / suspicions of a silo row under the table-version check.
('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET    version = v.version + 1,
           updated_at = now()
    WHERE  v.deployment_id = @DeploymentId
      AND  v.version = @Version
      AND  v.version < 2147483647
      AND  EXISTS (
               SELECT 1
               FROM   orleans_membership AS m
               WHERE  m.deployment_id = @DeploymentId
                 AND  m.address = @Address
                 AND  m.port = @Port
                 AND  m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE orleans_membership AS m
    SET    status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
    FROM   bumped AS b
    WHERE  m.deployment_id = b.deployment_id
      AND  m.address = @Address
      AND  m.port = @Port
      AND  m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS "Updated";
'),

-- One silo plus the table version (version row is returned even with no silo).
('MembershipReadRowKey', '
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM   orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON  m.deployment_id = v.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
WHERE  v.deployment_id = @DeploymentId;
'),

-- All silos plus the table version, read from one snapshot.
('MembershipReadAllKey', '
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM   orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id
WHERE  v.deployment_id = @DeploymentId;
'),

-- Removes a whole cluster (silo rows go with it through ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_version
WHERE  deployment_id = @DeploymentId;
'),

-- Gateways for clients: active silos that expose a gateway (proxy) port.
-- @Status is passed as 3 (Active).
('GatewaysQueryKey', '
SELECT m.address    AS "Address",
       m.proxy_port AS "ProxyPort",
       m.generation AS "Generation"
FROM   orleans_membership AS m
WHERE  m.deployment_id = @DeploymentId
  AND  m.status = @Status
  AND  m.proxy_port > 0;
'),

-- Bulk prune of long-dead silos. Required by the provider at start-up, but in
-- 10.4.2 it is only executed when CleanupDefunctSiloEntryKey is absent. Kept
-- conservative: Dead rows, started and last alive before the cutoff, and
-- without suspicion votes (which may be newer than the cutoff).
('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership AS m
WHERE  m.deployment_id = @DeploymentId
  AND  m.status = 6
  AND  m.i_am_alive_time < @IAmAliveTime
  AND  m.start_time < @IAmAliveTime
  AND  coalesce(m.suspect_times, '''') = '''';
'),

-- Optional key, preferred by 10.4.2: the provider picks eligible Dead rows in
-- .NET and deletes each one only if it is still exactly as it was read.
('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership AS m
WHERE  m.deployment_id = @DeploymentId
  AND  m.address = @Address
  AND  m.port = @Port
  AND  m.generation = @Generation
  AND  m.status = 6
  AND  m.start_time = @StartTime
  AND  m.i_am_alive_time = @IAmAliveTime
  AND  coalesce(m.suspect_times, '''') = coalesce(@SuspectTimes, '''');
');
