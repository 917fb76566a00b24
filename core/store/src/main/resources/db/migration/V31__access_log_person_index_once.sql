-- V31 (perfs, issue 13, decision 0044): access_log_person's index on person_id alone (V6) is covered by
-- V25's (person_id, seq_no), which the person's access view reads; every appended person row paid for
-- both. Dropped, so each access-log entry maintains one index fewer per person it names.
DROP INDEX access_log_person_ix;
