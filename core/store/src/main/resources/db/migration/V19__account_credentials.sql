-- Realm accounts in the database (issue 16, decision 0029).
--
-- Until now an account's password hash and roles lived in each node's etc/proeftuin-users.properties:
-- a user created, a password changed or a role given through one node was unknown to the others at
-- the next login. They live here now, so that every node logs everyone in alike.
--
-- password_hash: PBKDF2 as core/security writes it (pbkdf2sha256.<iterations>.<salt>.<hash>); null for
-- an account of a directory realm (LDAP), whose password the platform never sees.
-- roles: the account's roles, comma-separated (the realm's, for a directory account: not used).
-- credentials_changed_at: when the hash or roles were last set; an entry of an etc/ users file older
-- than this is a stale copy and never overwrites them.
ALTER TABLE user_account ADD COLUMN password_hash VARCHAR(400);
ALTER TABLE user_account ADD COLUMN roles VARCHAR(400);
ALTER TABLE user_account ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
