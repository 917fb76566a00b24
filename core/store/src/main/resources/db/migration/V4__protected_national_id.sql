-- V4: the BSN is no longer stored in clear. The engine (NationalIdProtection) hands the store
--   * national_id_digest: HMAC-SHA256 (hex) of the normalised BSN under a secret key, for the
--     "recorded twice" check; keyed, because the BSN space is small enough to hash exhaustively;
--   * national_id_sealed: AES-256-GCM ciphertext (base64 of a random 12-byte IV, ciphertext, tag);
--   * national_id_last3: the last three digits, all that the masked form (******782) shows.
-- The three are all NULL (no BSN recorded) or all set.
--
-- Pre-release: no installation holds real BSNs yet, so the clear column is dropped without moving
-- its values (a migration cannot encrypt: the key lives in the OSGi configuration, not the database).
-- A development database that did record BSNs loses them here; re-enter them through the API.
--
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL 17.
DROP INDEX person_national_id_ux;
ALTER TABLE person DROP COLUMN national_id;
ALTER TABLE person ADD COLUMN national_id_digest VARCHAR(64);
ALTER TABLE person ADD COLUMN national_id_sealed VARCHAR(200);
ALTER TABLE person ADD COLUMN national_id_last3 VARCHAR(3);
ALTER TABLE person ADD CONSTRAINT person_national_id_ck CHECK (
    (national_id_digest IS NULL AND national_id_sealed IS NULL AND national_id_last3 IS NULL)
    OR (national_id_digest IS NOT NULL AND national_id_sealed IS NOT NULL AND national_id_last3 IS NOT NULL));
-- Several persons without a BSN are fine (NULLs are distinct in a unique index on both databases).
CREATE UNIQUE INDEX person_national_id_digest_ux ON person (national_id_digest);
