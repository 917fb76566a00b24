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
-- GIN index can. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (13+), so the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_given_name_trgm_ix ON person USING gin (given_name_lc gin_trgm_ops);
CREATE INDEX person_family_name_trgm_ix ON person USING gin (family_name_lc gin_trgm_ops);

-- The municipalities a user works for are compared without case (LOWER(municipality) IN (...)).
CREATE INDEX family_case_municipality_lc_list_ix ON family_case (LOWER(municipality), opened_at DESC, id);
