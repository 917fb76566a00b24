-- V32 (cohorts on H2, issue 15 part 6, decision 0042 "The two joined figures from the summary row"): the
-- family experience and care waiting figures of a cohort were one index probe per case of the cohort
-- into family_experience and care_request (on H2 1.1 s and 0.7 s of a 100,000-case cohort). The summary
-- row now carries what they need, kept by CaseSummaries' refresh like every other figure, and the two
-- covering indexes of V29 carry it too, so both figures are read from the cohort's index range.
--
-- experience_k (k = 1..5, V20's check constraint): how many members of the case have k as their newest
-- score in this case (the figure is the histogram of each member's newest score).
-- care_waits: the case's allocated care requests; care_wait_days: with exactly one, its waiting days
-- (Dutch days from request to allocation, 0 when earlier), else null (a case with two or more is read
-- from care_request, as before: rare).
--
-- Portable SQL (H2 in PostgreSQL mode and PostgreSQL 17); the expressions are those of CaseSummaries.SELECT.
ALTER TABLE case_summary ADD COLUMN experience_1 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN experience_2 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN experience_3 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN experience_4 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN experience_5 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN care_waits INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE case_summary ADD COLUMN care_wait_days INTEGER;

UPDATE case_summary SET
    experience_1 = (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = case_summary.case_id AND e.score = 1
        AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id
            AND e2.seq_no > e.seq_no)),
    experience_2 = (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = case_summary.case_id AND e.score = 2
        AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id
            AND e2.seq_no > e.seq_no)),
    experience_3 = (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = case_summary.case_id AND e.score = 3
        AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id
            AND e2.seq_no > e.seq_no)),
    experience_4 = (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = case_summary.case_id AND e.score = 4
        AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id
            AND e2.seq_no > e.seq_no)),
    experience_5 = (SELECT COUNT(*) FROM family_experience e WHERE e.case_id = case_summary.case_id AND e.score = 5
        AND NOT EXISTS (SELECT 1 FROM family_experience e2 WHERE e2.case_id = e.case_id AND e2.person_id = e.person_id
            AND e2.seq_no > e.seq_no))
WHERE case_id IN (SELECT f.case_id FROM family_experience f);

UPDATE case_summary SET
    care_waits = (SELECT COUNT(*) FROM care_request r WHERE r.case_id = case_summary.case_id AND r.allocated_at IS NOT NULL),
    care_wait_days = (SELECT CASE WHEN COUNT(*) <> 1 THEN NULL
            WHEN MIN(CAST(CAST(r.allocated_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)
                - CAST(r.requested_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS INTEGER)) < 0 THEN 0
            ELSE MIN(CAST(CAST(r.allocated_at AT TIME ZONE 'Europe/Amsterdam' AS DATE)
                - CAST(r.requested_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS INTEGER)) END
        FROM care_request r WHERE r.case_id = case_summary.case_id AND r.allocated_at IS NOT NULL)
WHERE case_id IN (SELECT r.case_id FROM care_request r WHERE r.allocated_at IS NOT NULL);

DROP INDEX case_summary_signal_ix;
DROP INDEX case_summary_municipality_ix;
CREATE INDEX case_summary_signal_ix ON case_summary (signal_received_on, municipality, triage_plugin,
    triage_configuration_hash, triage_binding_revision, lead_days, professionals, handovers, status, framework,
    measure_type, outcome, repeat_signal, raad_requests, first_help_on, case_id, experience_1, experience_2,
    experience_3, experience_4, experience_5, care_waits, care_wait_days);
CREATE INDEX case_summary_municipality_ix ON case_summary (municipality, signal_received_on, triage_plugin,
    triage_configuration_hash, triage_binding_revision, lead_days, professionals, handovers, status, framework,
    measure_type, outcome, repeat_signal, raad_requests, first_help_on, case_id, experience_1, experience_2,
    experience_3, experience_4, experience_5, care_waits, care_wait_days);
