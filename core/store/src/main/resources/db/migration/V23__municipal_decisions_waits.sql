-- V23 (issue 14, parts 4 and 5; decision 0033): the municipality decides in the platform, and waiting
-- is explicit.
--
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER) and PostgreSQL 17.

-- A municipality's own decision term (Awb: 8 weeks when no row). Owned by MunicipalDecisionStore, next
-- to the register (decision 0013) so that the register's rows stay as they were.
CREATE TABLE municipal_term (
    code               VARCHAR(6)               NOT NULL PRIMARY KEY REFERENCES municipality (code),
    decision_term_days INTEGER                  NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by         VARCHAR(200)             NOT NULL,
    CONSTRAINT municipal_term_days_ck CHECK (decision_term_days BETWEEN 1 AND 365)
);

-- By when the municipality must decide on a care request (maatwerk requests carry their own deadline),
-- and whether the overdue alert was raised. Care requests stored before V23 have no row: no deadline.
CREATE TABLE care_request_deadline (
    request_id      VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES care_request (id),
    deadline        DATE        NOT NULL,
    overdue_alerted BOOLEAN     NOT NULL
);

-- The municipality's decision on a maatwerk request or a care request, made in the platform by a user
-- with the MUNICIPALITY role: outcome, reasons, the decider, the time and the end of the objection
-- (bezwaar) term. One per request.
CREATE TABLE municipal_decision (
    request_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    request_kind    VARCHAR(20)              NOT NULL,
    case_id         VARCHAR(36)              NOT NULL REFERENCES family_case (id),
    municipality    VARCHAR(200)             NOT NULL,
    outcome         VARCHAR(20)              NOT NULL,
    reasons         VARCHAR(10000)           NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(200)             NOT NULL,
    decided_by_name VARCHAR(200)             NOT NULL,
    objection_until DATE                     NOT NULL
);
CREATE INDEX municipal_decision_case_ix ON municipal_decision (case_id);

-- Whom an alert is for besides the coordinator: 'municipality' (the users with the MUNICIPALITY role of
-- the alert's municipality) or 'user:<id>' (a case's fixed professional).
CREATE TABLE alert_addressee (
    alert_id  VARCHAR(36)  NOT NULL REFERENCES plugin_alert (id),
    addressee VARCHAR(220) NOT NULL,
    PRIMARY KEY (alert_id, addressee)
);
CREATE INDEX alert_addressee_ix ON alert_addressee (addressee);
