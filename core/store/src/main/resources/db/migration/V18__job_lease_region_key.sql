-- Several nodes, one region (issue 16, decision 0027).
--
-- job_lease: one row per region-wide job (outbox delivery rounds, retention purge, maatwerk deadline
-- checks). A node runs a job only after one conditional UPDATE made it the holder of a run that was due
-- (due_at passed) and not running elsewhere (expires_at passed, or the holder is that node itself), so a
-- job runs once per region per interval whichever nodes run, and moves on when its node dies. runs
-- counts the runs of the whole region; taken_at is when the current holder took it over.
CREATE TABLE job_lease (
    job_name    VARCHAR(100)             NOT NULL PRIMARY KEY,
    holder      VARCHAR(200),
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE,
    last_run_at TIMESTAMP WITH TIME ZONE,
    runs        BIGINT                   NOT NULL DEFAULT 0
);

-- region_key: the fingerprint (HMAC-SHA256 of a fixed label under the key, hex; never the key) of a
-- secret every node of the region must share, recorded by the first node that starts. A node whose
-- own key gives another fingerprint refuses to serve.
CREATE TABLE region_key (
    key_name    VARCHAR(100)             NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)              NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(200)
);
