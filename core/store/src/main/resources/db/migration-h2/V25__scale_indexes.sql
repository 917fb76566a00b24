-- V25 (H2): indexes for every filter and list order the API offers (issue 13, "two million families";
-- decision 0036). The same version exists for PostgreSQL in db/migration-postgresql with what only
-- PostgreSQL has (trigram and expression indexes); keep the portable part of the two files equal.

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
