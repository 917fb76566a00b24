-- Readiness (GET /api/v1/health/ready) proves the database takes writes by moving this one row's clock,
-- at most once a second per node: a read-only file, a full disk or a lost primary shows as 503 at once.
CREATE TABLE node_heartbeat (
    heartbeat_id INTEGER                  NOT NULL PRIMARY KEY,
    beat_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    node         VARCHAR(200),
    CONSTRAINT node_heartbeat_single_ck CHECK (heartbeat_id = 1)
);
INSERT INTO node_heartbeat (heartbeat_id, beat_at, node) VALUES (1, CURRENT_TIMESTAMP, NULL);
