-- V25 (PostgreSQL): indexes for every filter and list order the API offers (issue 13, "two million
-- families"; decision 0036). The same version exists for H2 in db/migration-h2; the portable part of
-- the two files is equal, the rest is what only PostgreSQL has.

-- Case lists and search: ORDER BY opened_at DESC, id (keyset paging), alone and per filter.
CREATE INDEX family_case_list_ix ON family_case (opened_at DESC, id);
CREATE INDEX family_case_municipality_list_ix ON family_case (municipality, opened_at DESC, id);
CREATE INDEX family_case_phase_list_ix ON family_case (phase, opened_at DESC, id);
CREATE INDEX family_case_status_list_ix ON family_case (status, opened_at DESC, id);

-- Need to know in a list: the cases a user may see, found from the user's side (NeedToKnowPredicate):
-- active assignments, cases opened by the user, break-glass grants.
CREATE INDEX assignment_professional_active_ix ON assignment (professional_id, until_date, case_id);
CREATE INDEX family_case_opened_by_ix ON family_case (opened_by);
CREATE INDEX break_glass_user_ix ON break_glass (user_id, expires_at);

-- A person's access view, newest first.
CREATE INDEX access_log_person_seq_ix ON access_log_person (person_id, seq_no);

-- PostgreSQL only. Name search is "contains" (LIKE '%text%'): a B-tree cannot serve it, a trigram
-- GIN index can. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (13+), so a user
-- with CREATE on the database may create it. Where it is not installed and the platform's user may not
-- create it (a hardened database), the migration does not fail (the platform would not start): the
-- trigram indexes are left out, name search still works (scanning), and a notice says so; a DBA runs
-- CREATE EXTENSION pg_trgm and the two CREATE INDEX statements below to add them (README "Performance").
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
            AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')
            AND has_database_privilege(current_user, current_database(), 'CREATE') THEN
        CREATE EXTENSION pg_trgm;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX person_given_name_trgm_ix ON person USING gin (given_name_lc gin_trgm_ops);
        CREATE INDEX person_family_name_trgm_ix ON person USING gin (family_name_lc gin_trgm_ops);
    ELSE
        RAISE NOTICE 'pg_trgm is not installed and cannot be created by %: name search runs without its trigram indexes', current_user;
    END IF;
END
$$;

-- The municipalities a user works for are compared without case (LOWER(municipality) IN (...)).
CREATE INDEX family_case_municipality_lc_list_ix ON family_case (LOWER(municipality), opened_at DESC, id);
