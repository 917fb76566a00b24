-- V26 (cohorts, issue 15 part 6, decision 0037): one narrow row per case with every figure the
-- comparison and the monitor group by, kept up to date by core/store in the transaction of each change
-- (CaseSummaries: every write that changes a figure marks its case; the rows are refreshed just before
-- the commit), and the variant in force at opening and at each later decision that consults a plugin.
--
-- Portable SQL (H2 in PostgreSQL mode and PostgreSQL 17). The SELECT of the backfill is the same text
-- as CaseSummaries.SELECT (a test compares a rebuilt row with a maintained one).

-- The framework changes of every case (for the monitor's frameworks per month, GET /monitor): from the
-- typed payload of each FRAMEWORK_CHANGED event (decision 0014; written by Jackson as
-- {"from":"…","to":"…",…}); changed_on is the Dutch day. Events without a payload (before V15) carry no
-- figure, as before. Kept by JdbcCaseStore.insertEvent with the same SELECT.
CREATE TABLE case_framework_change (
    event_id       VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id        VARCHAR(36) NOT NULL REFERENCES family_case (id),
    changed_on     DATE        NOT NULL,
    from_framework VARCHAR(40) NOT NULL,
    to_framework   VARCHAR(40) NOT NULL,
    seq_no         BIGINT      NOT NULL
);
CREATE INDEX case_framework_change_case_ix ON case_framework_change (case_id, seq_no);

INSERT INTO case_framework_change (event_id, case_id, changed_on, from_framework, to_framework, seq_no)
SELECT e.id, e.case_id, CAST(e.occurred_at AT TIME ZONE 'Europe/Amsterdam' AS DATE),
    CASE WHEN e.payload LIKE '%"from":"COMPULSORY"%' THEN 'COMPULSORY'
         WHEN e.payload LIKE '%"from":"CONDITIONAL"%' THEN 'CONDITIONAL' ELSE 'VOLUNTARY' END,
    CASE WHEN e.payload LIKE '%"to":"COMPULSORY"%' THEN 'COMPULSORY'
         WHEN e.payload LIKE '%"to":"CONDITIONAL"%' THEN 'CONDITIONAL' ELSE 'VOLUNTARY' END,
    e.seq_no
FROM case_event e WHERE e.event_type = 'FRAMEWORK_CHANGED' AND e.payload IS NOT NULL;

-- first_help_on: the Dutch day of the earliest plan version or care request; lead_days: days from the
-- signal's receipt to it (0 when earlier), null without first help; professionals: distinct ever
-- assigned; active_professionals: distinct with an open assignment; repeat_signal 1 when a later case
-- sharing a member had its signal within twelve months after the closing; triage_*: the provenance of
-- the first triage outcome; framework_changes: its rows in case_framework_change.
CREATE TABLE case_summary (
    case_id                   VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES family_case (id),
    municipality              VARCHAR(200) NOT NULL,
    signal_received_on        DATE         NOT NULL,
    status                    VARCHAR(40)  NOT NULL,
    framework                 VARCHAR(40)  NOT NULL,
    measure_type              VARCHAR(40),
    opened_on                 DATE         NOT NULL,
    first_help_on             DATE,
    lead_days                 INTEGER,
    professionals             INTEGER      NOT NULL,
    active_professionals      INTEGER      NOT NULL,
    handovers                 INTEGER      NOT NULL,
    raad_requests             INTEGER      NOT NULL,
    outcome                   VARCHAR(40),
    closed_on                 DATE,
    repeat_signal             INTEGER      NOT NULL,
    triage_plugin             VARCHAR(100),
    triage_configuration_hash VARCHAR(64),
    triage_binding_revision   BIGINT,
    framework_changes         INTEGER      NOT NULL
);
CREATE INDEX case_summary_signal_ix ON case_summary (signal_received_on, municipality);
CREATE INDEX case_summary_municipality_ix ON case_summary (municipality, signal_received_on);
CREATE INDEX case_summary_variant_ix ON case_summary (triage_plugin, triage_configuration_hash);
CREATE INDEX case_summary_revision_ix ON case_summary (triage_binding_revision);

INSERT INTO case_summary (case_id, municipality, signal_received_on, status, framework, measure_type, opened_on,
    first_help_on, lead_days, professionals, active_professionals, handovers, raad_requests, outcome, closed_on,
    repeat_signal, triage_plugin, triage_configuration_hash, triage_binding_revision, framework_changes)
SELECT y.id, y.municipality, y.signal_received_on, y.status, y.framework, y.measure_type, y.opened_on,
    y.first_help_on,
    CASE WHEN y.first_help_on IS NULL THEN NULL WHEN y.first_help_on < y.signal_received_on THEN 0
         ELSE CAST(y.first_help_on - y.signal_received_on AS INTEGER) END,
    y.professionals, y.active_professionals, y.handovers, y.raad_requests, y.outcome, y.closed_on,
    y.repeat_signal, y.triage_plugin, y.triage_configuration_hash, y.triage_binding_revision, y.framework_changes
FROM (SELECT x.*,
        CAST(LEAST(COALESCE(x.fp, x.fc), COALESCE(x.fc, x.fp)) AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS first_help_on
      FROM (SELECT k.id, k.municipality, k.signal_received_on, k.status, k.framework, k.measure_type,
              CAST(k.opened_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) AS opened_on,
              (SELECT MIN(p.created_at) FROM plan_version p WHERE p.case_id = k.id) AS fp,
              (SELECT MIN(r.requested_at) FROM care_request r WHERE r.case_id = k.id) AS fc,
              (SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id) AS professionals,
              (SELECT COUNT(DISTINCT a.professional_id) FROM assignment a WHERE a.case_id = k.id
                 AND a.until_date IS NULL) AS active_professionals,
              (SELECT COUNT(*) FROM handover h WHERE h.case_id = k.id) AS handovers,
              (SELECT COUNT(*) FROM court_request q WHERE q.case_id = k.id) AS raad_requests,
              o.outcome, o.closed_on,
              CASE WHEN o.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM case_member m1
                     JOIN case_member m2 ON m2.person_id = m1.person_id AND m2.case_id <> m1.case_id
                     JOIN family_case k2 ON k2.id = m2.case_id
                     WHERE m1.case_id = k.id AND k2.signal_received_on >= o.closed_on
                       AND k2.signal_received_on <= CAST(o.closed_on + INTERVAL '12' MONTH AS DATE))
                   THEN 1 ELSE 0 END AS repeat_signal,
              t.plugin_id AS triage_plugin, t.configuration_hash AS triage_configuration_hash,
              t.binding_revision AS triage_binding_revision,
              (SELECT COUNT(*) FROM case_framework_change f WHERE f.case_id = k.id) AS framework_changes
            FROM family_case k
            LEFT JOIN triage_outcome t ON t.case_id = k.id
              AND t.seq_no = (SELECT MIN(t2.seq_no) FROM triage_outcome t2 WHERE t2.case_id = k.id)
            LEFT JOIN case_outcome o ON o.case_id = k.id) x) y;

-- The variant in force for a case: at its opening, one row per extension point (plugin null: nothing
-- bound, the platform's fallback), and at each later decision that consulted a plugin (decision names
-- what: TRIAGE, CARE_PATH, PROCUREMENT, LOCAL_TEAM). Cases triaged before V26 get their triage rows.
CREATE TABLE case_variant (
    id                 BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL PRIMARY KEY,
    case_id            VARCHAR(36)              NOT NULL REFERENCES family_case (id),
    decision           VARCHAR(40)              NOT NULL,
    extension_point    VARCHAR(40)              NOT NULL,
    plugin_id          VARCHAR(100),
    configuration_hash VARCHAR(64),
    binding_revision   BIGINT                   NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_variant_case_ix ON case_variant (case_id, decision);
CREATE INDEX case_variant_variant_ix ON case_variant (decision, extension_point, plugin_id, configuration_hash, case_id);

INSERT INTO case_variant (case_id, decision, extension_point, plugin_id, configuration_hash, binding_revision, recorded_at)
SELECT t.case_id, 'TRIAGE', 'TRIAGE', t.plugin_id, t.configuration_hash, t.binding_revision, t.decided_at
FROM triage_outcome t ORDER BY t.seq_no;
