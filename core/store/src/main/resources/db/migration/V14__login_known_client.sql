-- Login throttling (docs/decisions/0012-login-throttling.md). login_throttle (V7) now holds one row per
-- throttle key: the user name, the client address and the client (both), each as a SHA-256; its
-- locked_until column is no longer used (a throttle waits, it does not lock).
-- A client (user name and address, as a SHA-256) that logged in successfully: failures on the user name
-- from elsewhere do not hold it back, so nobody can lock a user out from their usual address.
CREATE TABLE login_known_client (
    client_key      VARCHAR(64)              NOT NULL PRIMARY KEY,
    last_success_at TIMESTAMP WITH TIME ZONE NOT NULL
);
