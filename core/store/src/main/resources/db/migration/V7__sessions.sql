-- V7: accounts, login sessions, login throttling and break-glass grants (bundle core/security).
-- The password hashes and roles live in the JAAS realm (etc/proeftuin-users.properties or LDAP);
-- here is what every node must see at once: an account's scope and whether it is disabled, the
-- live sessions (a logout or a disable deletes them), the failure counts, the break-glass grants.
--
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL 17.
CREATE TABLE user_account (
    user_id      VARCHAR(200)             NOT NULL PRIMARY KEY,
    display_name VARCHAR(200)             NOT NULL,
    organisation VARCHAR(200),
    disabled     BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A user's municipality scope; none means all municipalities of the region.
CREATE TABLE user_municipality (
    user_id      VARCHAR(200) NOT NULL REFERENCES user_account (user_id),
    municipality VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, municipality)
);

-- A session is found by the SHA-256 (hex) of its bearer token; the token itself is never stored.
-- roles: the session's roles (comma-separated), replaced when an administrator changes them.
CREATE TABLE user_session (
    token_hash     VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id        VARCHAR(200)             NOT NULL REFERENCES user_account (user_id),
    roles          VARCHAR(400)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    client_address VARCHAR(100)
);
CREATE INDEX user_session_user_ix ON user_session (user_id);

-- Failed logins per user name, keyed by the SHA-256 of the lower-cased name: names that do not
-- exist are counted (and locked) the same way, and the table names nobody.
CREATE TABLE login_throttle (
    username_key    VARCHAR(64)              NOT NULL PRIMARY KEY,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);

-- Break-glass access: a reason, a time limit, flagged until reviewed.
CREATE TABLE break_glass (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id     VARCHAR(200)             NOT NULL,
    user_name   VARCHAR(200)             NOT NULL,
    case_id     VARCHAR(36)              NOT NULL REFERENCES family_case (id),
    reason      VARCHAR(2000)            NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at TIMESTAMP WITH TIME ZONE,
    reviewed_by VARCHAR(200)
);
CREATE INDEX break_glass_case_user_ix ON break_glass (case_id, user_id);
CREATE INDEX break_glass_granted_ix ON break_glass (granted_at);
