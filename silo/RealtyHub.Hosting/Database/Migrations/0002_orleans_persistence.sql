-- =============================================================================
-- 0002_orleans_persistence.sql
--
-- RealtyHub: PostgreSQL schema for Orleans grain state.
-- Implements the Orleans ADO.NET provider contract (Invariant = "Npgsql") for
-- Microsoft.Orleans.Persistence.AdoNet (AdoNetGrainStorage). Written for
-- RealtyHub; checked against Orleans 10.4.2 with PostgreSQL 15.
-- Requires 0001 (orleansquery table) and PostgreSQL 15+ (NULLS NOT DISTINCT).
--
-- Contract notes (see AdoNetGrainStorage / AdoGrainKey in the provider):
--   * Parameters: @GrainIdHash, @GrainTypeHash (int, computed in .NET by the
--     configured hasher), @GrainIdN0, @GrainIdN1 (bigint: the two halves of a
--     Guid key, or 0 / the long key), @GrainIdExtensionString (the key
--     extension, or the whole key of a string-keyed grain; NULL otherwise),
--     @GrainTypeString (the state name, e.g. [PersistentState("profile")]),
--     @ServiceId, @GrainStateVersion (int ETag, NULL when the grain has never
--     been written) and @PayloadBinary (bytea; every serializer, JSON included,
--     is handed over as bytes).
--   * ReadFromStorageKey returns "PayloadBinary" and "Version", or no row for
--     a grain that was never written. A NULL payload means "no record" (state
--     cleared) while the version still serves as ETag.
--   * WriteToStorageKey and the clear queries must return exactly one row with
--     the new version; NULL there means an ETag mismatch, which the provider
--     turns into InconsistentStateException.
--   * ClearStorageKey keeps the row (payload NULL, version + 1). The optional
--     DeleteStorageKey, used only with AdoNetGrainStorageOptions
--     .DeleteStateOnClear = true, removes the row instead.
--
-- Run exactly once (dbup journals it). Contains no $name$ tokens.
-- =============================================================================

CREATE TABLE orleans_grain_state
(
    service_id                text        NOT NULL,
    grain_id_hash             integer     NOT NULL,
    grain_id_n0               bigint      NOT NULL,
    grain_id_n1               bigint      NOT NULL,
    grain_type_hash           integer     NOT NULL,
    grain_type_string         text        NOT NULL,
    grain_id_extension_string text        NULL,
    payload_binary            bytea       NULL,
    version                   integer     NOT NULL,
    modified_at               timestamptz NOT NULL DEFAULT now(),
    -- The hashes lead so that lookups are selective; the real identity columns
    -- follow so that a hash collision can never mix up two grains.
    CONSTRAINT orleans_grain_state_identity UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
         grain_type_string, grain_id_extension_string)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Missing grain: no row. Cleared grain: NULL payload with its version.
('ReadFromStorageKey', '
SELECT s.payload_binary AS "PayloadBinary",
       s.version        AS "Version"
FROM   orleans_grain_state AS s
WHERE  s.grain_id_hash = @GrainIdHash
  AND  s.grain_type_hash = @GrainTypeHash
  AND  s.service_id = @ServiceId
  AND  s.grain_id_n0 = @GrainIdN0
  AND  s.grain_id_n1 = @GrainIdN1
  AND  s.grain_type_string = @GrainTypeString
  AND  s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString;
'),

-- First write (no ETag): insert version 1 unless a row already exists.
-- Later writes: update only when the stored version equals the ETag.
-- Always one row back; NULL = conflict.
('WriteToStorageKey', '
WITH inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash,
         grain_type_string, grain_id_extension_string, payload_binary, version)
    SELECT @ServiceId, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
           @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE  @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_identity DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state AS s
    SET    payload_binary = @PayloadBinary,
           version = s.version + 1,
           modified_at = now()
    WHERE  @GrainStateVersion IS NOT NULL
      AND  s.version = @GrainStateVersion
      AND  s.grain_id_hash = @GrainIdHash
      AND  s.grain_type_hash = @GrainTypeHash
      AND  s.service_id = @ServiceId
      AND  s.grain_id_n0 = @GrainIdN0
      AND  s.grain_id_n1 = @GrainIdN1
      AND  s.grain_type_string = @GrainTypeString
      AND  s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
)
SELECT (SELECT version FROM inserted
        UNION ALL
        SELECT version FROM updated) AS "NewGrainStateVersion";
'),

-- Clear keeps the row: payload dropped, version bumped. NULL = conflict.
('ClearStorageKey', '
WITH cleared AS (
    UPDATE orleans_grain_state AS s
    SET    payload_binary = NULL,
           version = s.version + 1,
           modified_at = now()
    WHERE  s.version = @GrainStateVersion
      AND  s.grain_id_hash = @GrainIdHash
      AND  s.grain_type_hash = @GrainTypeHash
      AND  s.service_id = @ServiceId
      AND  s.grain_id_n0 = @GrainIdN0
      AND  s.grain_id_n1 = @GrainIdN1
      AND  s.grain_type_string = @GrainTypeString
      AND  s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion";
'),

-- Optional (DeleteStateOnClear = true): remove the row when the ETag matches.
-- Any non-NULL value signals success; the provider then resets the ETag.
('DeleteStorageKey', '
WITH removed AS (
    DELETE FROM orleans_grain_state AS s
    WHERE  s.version = @GrainStateVersion
      AND  s.grain_id_hash = @GrainIdHash
      AND  s.grain_type_hash = @GrainTypeHash
      AND  s.service_id = @ServiceId
      AND  s.grain_id_n0 = @GrainIdN0
      AND  s.grain_id_n1 = @GrainIdN1
      AND  s.grain_type_string = @GrainTypeString
      AND  s.grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
)
SELECT (SELECT version + 1 FROM removed) AS "NewGrainStateVersion";
');
