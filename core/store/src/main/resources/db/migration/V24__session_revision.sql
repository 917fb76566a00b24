-- perf (issue 13): one counter that every node reads on each request to know whether the sessions
-- and accounts it holds in memory are still current. Every change that ends or alters a session
-- (logout, a session ended by time, a disabled account, a new password, new roles, another
-- organisation or municipality scope) moves it forward in the same transaction as the change, so a
-- node that sees a new revision forgets what it cached (docs/decisions/0035).
CREATE TABLE session_revision (
    id       INTEGER NOT NULL PRIMARY KEY,
    revision BIGINT  NOT NULL
);
INSERT INTO session_revision (id, revision) VALUES (1, 0);
