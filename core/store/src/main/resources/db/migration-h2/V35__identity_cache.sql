-- V35 (H2): the identity columns hand out values from a cache of 1,000 instead of H2's 32 (perf, issue 13).
-- H2 writes a sequence's reserved margin to disk whenever its cache runs out, in a commit of its own:
-- with the shipped WRITE_DELAY=0 every such commit writes a whole chunk to the file. Opening a case
-- inserts into several tables with an identity column, so one opening in a few paid an extra chunk
-- write: 12 % of the database threads' samples while opening cases (JFR, decision 0053). With 1,000 that
-- happens 31 times less often. What it costs: after a crash (kill -9, power loss) a column's next value
-- skips up to 1,000; a clean shutdown skips nothing. No code relies on these values being gap-free, only
-- on their order, which a cache does not change on H2 (one database, one counter). PostgreSQL's V35
-- (db/migration-postgresql) does nothing: there a sequence cache is per session and would hand out
-- values out of insertion order; a PostgreSQL sequence never writes a chunk of its own.
ALTER TABLE relationship ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE household_membership ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE case_member_change ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE assignment ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE handover ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE rectification ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE review ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE consent ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE evaluation ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE court_request ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE triage_outcome ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE triage_assessment ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE plugin_alert ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE local_team_outbox ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE care_path_step ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE care_path_incident ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE maatwerk_request ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE care_request ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE case_entry ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE restricted_reader_added ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE restricted_notice ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE case_event ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE family_experience ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE child_measure ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE review_request ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE case_signal ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE parental_authority ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE regie_notice ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE case_wait ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE monitor_tally ALTER COLUMN id SET CACHE 1000;
ALTER TABLE case_variant ALTER COLUMN id SET CACHE 1000;
ALTER TABLE case_municipality_move ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE raad_investigation ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE signal_reporter ALTER COLUMN seq_no SET CACHE 1000;
ALTER TABLE crowd_notice ALTER COLUMN seq_no SET CACHE 1000;
