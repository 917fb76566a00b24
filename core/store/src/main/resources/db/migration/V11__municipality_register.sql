-- V11: the region's register of municipalities (CBS code, name, inhabitants). Every municipality a
-- case, household, binding, user or monitor filter names must be in it; the name kept there (exact
-- case) is the one stored. name_key is the name NFKC-normalised, lower-cased, spaces collapsed: the
-- key a name is looked up by, unique so that "Arnhem" and "arnhem" cannot both be registered.
--
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL 17.
CREATE TABLE municipality (
    code        VARCHAR(6)               NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    name_key    VARCHAR(100)             NOT NULL,
    inhabitants INTEGER,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(200)             NOT NULL,
    CONSTRAINT municipality_name_key_uq UNIQUE (name_key),
    CONSTRAINT municipality_inhabitants_ck CHECK (inhabitants IS NULL OR inhabitants >= 0)
);

-- Until V11 a user without municipality rows saw every municipality; from now on such a user sees
-- none, and "all" is the explicit entry '*'. Existing accounts keep the access they had, now
-- visible as '*' (proeftuin:user-list) so that an administrator can narrow it.
INSERT INTO user_municipality (user_id, municipality)
SELECT a.user_id, '*' FROM user_account a
WHERE NOT EXISTS (SELECT 1 FROM user_municipality m WHERE m.user_id = a.user_id);
