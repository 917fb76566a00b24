-- cohorts (issue 15 part 6, decision 0042): the comparison reads a cohort's figures from the index alone.
-- The two indexes a cohort is selected by (its signal days; its municipalities and their signal days)
-- now carry every column the comparison and its filters read, so a cohort is one range of one index:
-- no lookup of each case's row in the table (at 200,000 cases on H2 those lookups, one page each, were
-- most of the 17 s). Same number of indexes as before, wider entries.
DROP INDEX case_summary_signal_ix;
DROP INDEX case_summary_municipality_ix;
CREATE INDEX case_summary_signal_ix ON case_summary (signal_received_on, municipality, triage_plugin,
    triage_configuration_hash, triage_binding_revision, lead_days, professionals, handovers, status, framework,
    measure_type, outcome, repeat_signal, raad_requests, first_help_on, case_id);
CREATE INDEX case_summary_municipality_ix ON case_summary (municipality, signal_received_on, triage_plugin,
    triage_configuration_hash, triage_binding_revision, lead_days, professionals, handovers, status, framework,
    measure_type, outcome, repeat_signal, raad_requests, first_help_on, case_id);
