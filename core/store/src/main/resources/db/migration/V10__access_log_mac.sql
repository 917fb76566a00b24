-- V10: the access log cannot be rewritten unseen (docs/decisions/0008-access-log-keyed-anchored-after-the-handler.md).
--
-- entry_mac: HMAC-SHA256 (hex), keyed with a secret kept OUTSIDE the database (a key file in Karaf's
-- etc/), over the entry's hash (which covers every field, person_ids included, and the previous
-- entry's hash). Someone who can write the database but not read the key file cannot recompute it.
-- NULL only for the entries written before V10; they are sealed once, by the node that first starts
-- with a key and no checkpoint file.
ALTER TABLE access_log ADD COLUMN entry_mac VARCHAR(64);

-- legacy_seq: the last entry written before V10. Before V10 the persons concerned by a read of a case
-- were found through the case's CURRENT members; those entries keep that rule in a person's access
-- view. From V10 on, every person concerned (the case's members at that moment) is stored in the
-- entry itself.
ALTER TABLE access_log_head ADD COLUMN legacy_seq BIGINT;
UPDATE access_log_head SET legacy_seq = last_seq;
