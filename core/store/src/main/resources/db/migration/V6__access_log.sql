-- V6: the access log (NEN 7513), hash-chained.
--
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL 17, with the
-- conventions of V2 and V3 (UUID strings, instants as TIMESTAMP WITH TIME ZONE, enums by name).

-- The chain's head: one row with the last sequence number and the last hash. Every append locks it
-- first (SELECT ... FOR UPDATE), so appends from all nodes form one linear chain without gaps; and it
-- tells verification where the chain must end, so removing the newest entries is found too.
CREATE TABLE access_log_head (
    head_id   INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT access_log_head_single_ck CHECK (head_id = 1)
);
INSERT INTO access_log_head (head_id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The entries, append-only. Values are stored neutralised (control characters escaped) and exactly as
-- hashed. person_ids is the comma-separated list that the hash covers; access_log_person indexes it
-- for the person's access view. hash = SHA-256 over prev_hash and the canonical form of the fields.
CREATE TABLE access_log (
    seq_no       BIGINT                   NOT NULL PRIMARY KEY,
    event_id     VARCHAR(36)              NOT NULL,
    logged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    node         VARCHAR(200)             NOT NULL,
    action       VARCHAR(40)              NOT NULL,
    outcome      VARCHAR(20)              NOT NULL,
    user_id      VARCHAR(200)             NOT NULL,
    user_name    VARCHAR(200),
    user_role    VARCHAR(100),
    organisation VARCHAR(200),
    on_behalf_of VARCHAR(200),
    purpose      VARCHAR(2000),
    person_ids   VARCHAR(4000)            NOT NULL,
    case_id      VARCHAR(200),
    object_type  VARCHAR(100),
    object_id    VARCHAR(200),
    request_id   VARCHAR(200),
    detail       VARCHAR(4000),
    restricted   BOOLEAN                  NOT NULL,
    prev_hash    VARCHAR(64)              NOT NULL,
    entry_hash   VARCHAR(64)              NOT NULL
);
CREATE UNIQUE INDEX access_log_event_ux ON access_log (event_id);
CREATE INDEX access_log_logged_at_ix ON access_log (logged_at);
CREATE INDEX access_log_user_ix ON access_log (user_id);
CREATE INDEX access_log_case_ix ON access_log (case_id);

CREATE TABLE access_log_person (
    seq_no    BIGINT       NOT NULL REFERENCES access_log (seq_no),
    person_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (seq_no, person_id)
);
CREATE INDEX access_log_person_ix ON access_log_person (person_id);
