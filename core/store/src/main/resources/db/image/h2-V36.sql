-- The schema of migrations V1 to V36 for an empty embedded H2 database (decision 0040). Written by H2SchemaImageTest; do not edit.
CREATE TABLE "public"."proeftuin_schema_image_loading"("at" TIMESTAMP);
CREATE CACHED TABLE "public"."flyway_schema_history"(
    "installed_rank" INTEGER NOT NULL,
    "version" CHARACTER VARYING(50),
    "description" CHARACTER VARYING(200) NOT NULL,
    "type" CHARACTER VARYING(20) NOT NULL,
    "script" CHARACTER VARYING(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" CHARACTER VARYING(100) NOT NULL,
    "installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "public"."flyway_schema_history_pk" PRIMARY KEY("installed_rank");
-- 34 +/- SELECT COUNT(*) FROM public.flyway_schema_history;
INSERT INTO "public"."flyway_schema_history" VALUES
(-1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(1, '1', 'platform', 'SQL', 'V1__platform.sql', 2016143938, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(2, '2', 'family case plan', 'SQL', 'V2__family_case_plan.sql', -807172101, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(3, '3', 'plugin runtime', 'SQL', 'V3__plugin_runtime.sql', -570890388, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(4, '4', 'protected national id', 'SQL', 'V4__protected_national_id.sql', 321648868, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(5, '5', 'care path local team procurement', 'SQL', 'V5__care_path_local_team_procurement.sql', -272907187, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(6, '6', 'access log', 'SQL', 'V6__access_log.sql', 1257928474, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(7, '7', 'sessions', 'SQL', 'V7__sessions.sql', -140486699, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(8, '8', 'privacy', 'SQL', 'V8__privacy.sql', -1204414745, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(9, '9', 'restricted data owners', 'SQL', 'V9__restricted_data_owners.sql', -875005814, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(10, '10', 'access log mac', 'SQL', 'V10__access_log_mac.sql', 1889678221, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(11, '11', 'municipality register', 'SQL', 'V11__municipality_register.sql', 1036633634, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(12, '12', 'node heartbeat', 'SQL', 'V12__node_heartbeat.sql', -1748519218, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(13, '14', 'login known client', 'SQL', 'V14__login_known_client.sql', -1255011355, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(14, '15', 'typed case events', 'SQL', 'V15__typed_case_events.sql', -1122609071, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(15, '16', 'access log request index', 'SQL', 'V16__access_log_request_index.sql', 134985804, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(16, '18', 'job lease region key', 'SQL', 'V18__job_lease_region_key.sql', -1108253764, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(17, '19', 'account credentials', 'SQL', 'V19__account_credentials.sql', -891706067, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(18, '20', 'cohorts outcomes', 'SQL', 'V20__cohorts_outcomes.sql', -1999023831, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(19, '21', 'planned binding switches', 'SQL', 'V21__planned_binding_switches.sql', 1417726778, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(20, '22', 'living case', 'SQL', 'V22__living_case.sql', 1715370417, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(21, '23', 'municipal decisions waits', 'SQL', 'V23__municipal_decisions_waits.sql', 1195289340, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(22, '24', 'session revision', 'SQL', 'V24__session_revision.sql', 1636323189, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(23, '25', 'scale indexes', 'SQL', 'V25__scale_indexes.sql', 1151867847, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(24, '26', 'case summary', 'SQL', 'V26__case_summary.sql', 461764996, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(25, '27', 'living case cycle', 'SQL', 'V27__living_case_cycle.sql', -1356317238, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(26, '28', 'separate case many open cases', 'SQL', 'V28__separate_case_many_open_cases.sql', -1885107049, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(27, '29', 'case summary covering indexes', 'SQL', 'V29__case_summary_covering_indexes.sql', 465625424, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(28, '31', 'access log person index once', 'SQL', 'V31__access_log_person_index_once.sql', -1426202056, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(29, '32', 'case summary experience and care wait', 'SQL', 'V32__case_summary_experience_and_care_wait.sql', -171742076, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE);
INSERT INTO "public"."flyway_schema_history" VALUES
(30, '33', 'monitor tally', 'SQL', 'V33__monitor_tally.sql', -1886183139, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(31, '34', 'name statistics', 'SQL', 'V34__name_statistics.sql', 294334488, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(32, '35', 'identity cache', 'SQL', 'V35__identity_cache.sql', -476450374, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE),
(33, '36', 'access log person mark', 'SQL', 'V36__access_log_person_mark.sql', -1515315041, 'sa', TIMESTAMP '2000-01-01 00:00:00', 0, TRUE);
CREATE INDEX "public"."flyway_schema_history_s_idx" ON "public"."flyway_schema_history"("success" NULLS LAST);
CREATE CACHED TABLE "public"."platform_setting"(
    "setting_name" CHARACTER VARYING(100) NOT NULL,
    "setting_value" CHARACTER VARYING(1000) NOT NULL
);
ALTER TABLE "public"."platform_setting" ADD CONSTRAINT "public"."CONSTRAINT_C" PRIMARY KEY("setting_name");
-- 1 +/- SELECT COUNT(*) FROM public.platform_setting;
INSERT INTO "public"."platform_setting" VALUES
('schema.created', '2000-01-01 00:00:00+00');
CREATE CACHED TABLE "public"."person"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "given_name" CHARACTER VARYING(200) NOT NULL,
    "family_name" CHARACTER VARYING(200) NOT NULL,
    "given_name_lc" CHARACTER VARYING(200) NOT NULL,
    "family_name_lc" CHARACTER VARYING(200) NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL,
    "national_id_digest" CHARACTER VARYING(64),
    "national_id_sealed" CHARACTER VARYING(200),
    "national_id_last3" CHARACTER VARYING(3)
);
ALTER TABLE "public"."person" ADD CONSTRAINT "public"."CONSTRAINT_C4" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.person;
CREATE INDEX "public"."person_given_name_lc_ix" ON "public"."person"("given_name_lc" NULLS LAST);
CREATE INDEX "public"."person_family_name_lc_ix" ON "public"."person"("family_name_lc" NULLS LAST);
CREATE UNIQUE NULLS DISTINCT INDEX "public"."person_national_id_digest_ux" ON "public"."person"("national_id_digest" NULLS LAST);
CREATE CACHED TABLE "public"."relationship"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "from_person_id" CHARACTER VARYING(36) NOT NULL,
    "to_person_id" CHARACTER VARYING(36) NOT NULL,
    "relationship_type" CHARACTER VARYING(40) NOT NULL,
    "since_date" DATE,
    "until_date" DATE,
    "note" CHARACTER VARYING(1000),
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "end_reason" CHARACTER VARYING(10000),
    "ended_by" CHARACTER VARYING(200)
);
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.relationship;
CREATE INDEX "public"."relationship_from_ix" ON "public"."relationship"("from_person_id" NULLS LAST);
CREATE INDEX "public"."relationship_to_ix" ON "public"."relationship"("to_person_id" NULLS LAST);
CREATE CACHED TABLE "public"."measure_evaluation"(
    "measure_id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "choice" CHARACTER VARYING(20) NOT NULL,
    "reasons" CHARACTER VARYING(10000) NOT NULL,
    "evaluated_on" DATE NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."measure_evaluation" ADD CONSTRAINT "public"."CONSTRAINT_48" PRIMARY KEY("measure_id");
-- 0 +/- SELECT COUNT(*) FROM public.measure_evaluation;
CREATE CACHED TABLE "public"."household"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "address" CHARACTER VARYING(200) NOT NULL,
    "postal_code" CHARACTER VARYING(7),
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."household" ADD CONSTRAINT "public"."CONSTRAINT_3" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.household;
CREATE CACHED TABLE "public"."household_membership"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "household_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "since_date" DATE NOT NULL,
    "until_date" DATE,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "end_reason" CHARACTER VARYING(10000),
    "ended_by" CHARACTER VARYING(200)
);
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.household_membership;
CREATE INDEX "public"."household_membership_household_ix" ON "public"."household_membership"("household_id" NULLS LAST);
CREATE INDEX "public"."household_membership_person_ix" ON "public"."household_membership"("person_id" NULLS LAST);
CREATE CACHED TABLE "public"."family_case"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "row_version" BIGINT NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "status" CHARACTER VARYING(40) NOT NULL,
    "closed_reason" CHARACTER VARYING(10000),
    "signal_kind" CHARACTER VARYING(40) NOT NULL,
    "signal_source" CHARACTER VARYING(40) NOT NULL,
    "signal_description" CHARACTER VARYING(10000) NOT NULL,
    "signal_received_on" DATE NOT NULL,
    "phase" CHARACTER VARYING(40) NOT NULL,
    "framework" CHARACTER VARYING(40) NOT NULL,
    "measure_type" CHARACTER VARYING(40),
    "measure_since" DATE,
    "measure_until" DATE,
    "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "opened_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."family_case" ADD CONSTRAINT "public"."CONSTRAINT_C47" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.family_case;
CREATE INDEX "public"."family_case_municipality_ix" ON "public"."family_case"("municipality" NULLS LAST);
CREATE INDEX "public"."family_case_status_ix" ON "public"."family_case"("status" NULLS LAST);
CREATE INDEX "public"."family_case_phase_ix" ON "public"."family_case"("phase" NULLS LAST);
CREATE INDEX "public"."family_case_opened_at_ix" ON "public"."family_case"("opened_at" NULLS LAST);
CREATE INDEX "public"."family_case_signal_received_ix" ON "public"."family_case"("signal_received_on" NULLS LAST);
CREATE INDEX "public"."family_case_list_ix" ON "public"."family_case"("opened_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "public"."family_case_municipality_list_ix" ON "public"."family_case"("municipality" NULLS LAST, "opened_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "public"."family_case_phase_list_ix" ON "public"."family_case"("phase" NULLS LAST, "opened_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "public"."family_case_status_list_ix" ON "public"."family_case"("status" NULLS LAST, "opened_at" DESC NULLS FIRST, "id" NULLS LAST);
CREATE INDEX "public"."family_case_opened_by_ix" ON "public"."family_case"("opened_by" NULLS LAST);
CREATE CACHED TABLE "public"."case_member"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "seq_no" INTEGER NOT NULL,
    "until_date" DATE,
    "end_reason" CHARACTER VARYING(10000)
);
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1C0" PRIMARY KEY("case_id", "person_id");
-- 0 +/- SELECT COUNT(*) FROM public.case_member;
CREATE INDEX "public"."case_member_person_ix" ON "public"."case_member"("person_id" NULLS LAST);
CREATE CACHED TABLE "public"."case_member_role"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "family_role" CHARACTER VARYING(40) NOT NULL
);
ALTER TABLE "public"."case_member_role" ADD CONSTRAINT "public"."CONSTRAINT_54" PRIMARY KEY("case_id", "person_id", "family_role");
-- 0 +/- SELECT COUNT(*) FROM public.case_member_role;
CREATE CACHED TABLE "public"."case_member_change"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "change_kind" CHARACTER VARYING(20) NOT NULL,
    "roles" CHARACTER VARYING(400) NOT NULL,
    "on_date" DATE NOT NULL,
    "reason" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."case_member_change" ADD CONSTRAINT "public"."CONSTRAINT_C0" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_member_change;
CREATE INDEX "public"."case_member_change_case_ix" ON "public"."case_member_change"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."assignment"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "professional_id" CHARACTER VARYING(200) NOT NULL,
    "professional_name" CHARACTER VARYING(200) NOT NULL,
    "organisation" CHARACTER VARYING(200) NOT NULL,
    "professional_role" CHARACTER VARYING(40) NOT NULL,
    "casusregie" BOOLEAN NOT NULL,
    "since_date" DATE NOT NULL,
    "until_date" DATE,
    "end_reason" CHARACTER VARYING(10000),
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."assignment" ADD CONSTRAINT "public"."CONSTRAINT_3D" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.assignment;
CREATE INDEX "public"."assignment_case_ix" ON "public"."assignment"("case_id" NULLS LAST);
CREATE INDEX "public"."assignment_professional_ix" ON "public"."assignment"("case_id" NULLS LAST, "professional_id" NULLS LAST);
CREATE INDEX "public"."assignment_professional_active_ix" ON "public"."assignment"("professional_id" NULLS LAST, "until_date" NULLS LAST, "case_id" NULLS LAST);
CREATE CACHED TABLE "public"."handover"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "team_position" CHARACTER VARYING(40) NOT NULL,
    "from_assignment_id" CHARACTER VARYING(36),
    "to_assignment_id" CHARACTER VARYING(36) NOT NULL,
    "note" CHARACTER VARYING(10000) NOT NULL,
    "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_2" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.handover;
CREATE INDEX "public"."handover_case_ix" ON "public"."handover"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."job_lease"(
    "job_name" CHARACTER VARYING(100) NOT NULL,
    "holder" CHARACTER VARYING(200),
    "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "taken_at" TIMESTAMP WITH TIME ZONE,
    "last_run_at" TIMESTAMP WITH TIME ZONE,
    "runs" BIGINT DEFAULT 0 NOT NULL
);
ALTER TABLE "public"."job_lease" ADD CONSTRAINT "public"."CONSTRAINT_57" PRIMARY KEY("job_name");
-- 0 +/- SELECT COUNT(*) FROM public.job_lease;
CREATE CACHED TABLE "public"."region_key"(
    "key_name" CHARACTER VARYING(100) NOT NULL,
    "fingerprint" CHARACTER VARYING(64) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200)
);
ALTER TABLE "public"."region_key" ADD CONSTRAINT "public"."CONSTRAINT_8" PRIMARY KEY("key_name");
-- 0 +/- SELECT COUNT(*) FROM public.region_key;
CREATE CACHED TABLE "public"."plan_version"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "version_no" INTEGER NOT NULL,
    "content" CHARACTER VARYING NOT NULL,
    "note" CHARACTER VARYING(10000),
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."plan_version" ADD CONSTRAINT "public"."CONSTRAINT_14F" PRIMARY KEY("case_id", "version_no");
-- 0 +/- SELECT COUNT(*) FROM public.plan_version;
CREATE INDEX "public"."plan_version_case_created_ix" ON "public"."plan_version"("case_id" NULLS LAST, "created_at" NULLS LAST);
CREATE CACHED TABLE "public"."legal_hold"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "subject_type" CHARACTER VARYING(20) NOT NULL,
    "subject_id" CHARACTER VARYING(36) NOT NULL,
    "reason" CHARACTER VARYING(2000) NOT NULL,
    "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "placed_by" CHARACTER VARYING(200) NOT NULL,
    "lifted_at" TIMESTAMP WITH TIME ZONE,
    "lifted_by" CHARACTER VARYING(200)
);
ALTER TABLE "public"."legal_hold" ADD CONSTRAINT "public"."CONSTRAINT_22" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.legal_hold;
CREATE INDEX "public"."legal_hold_subject_ix" ON "public"."legal_hold"("subject_type" NULLS LAST, "subject_id" NULLS LAST);
CREATE CACHED TABLE "public"."rectification"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "field_name" CHARACTER VARYING(40) NOT NULL,
    "old_value" CHARACTER VARYING(200) NOT NULL,
    "new_value" CHARACTER VARYING(200) NOT NULL,
    "reason" CHARACTER VARYING(2000) NOT NULL,
    "made_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "made_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."rectification" ADD CONSTRAINT "public"."CONSTRAINT_19" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.rectification;
CREATE INDEX "public"."rectification_person_ix" ON "public"."rectification"("person_id" NULLS LAST);
CREATE CACHED TABLE "public"."case_entry_person"(
    "entry_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "seq_no" INTEGER NOT NULL
);
ALTER TABLE "public"."case_entry_person" ADD CONSTRAINT "public"."CONSTRAINT_E18" PRIMARY KEY("entry_id", "person_id");
-- 0 +/- SELECT COUNT(*) FROM public.case_entry_person;
CREATE CACHED TABLE "public"."review"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "reviewer_id" CHARACTER VARYING(200) NOT NULL,
    "reviewer_name" CHARACTER VARYING(200) NOT NULL,
    "organisation" CHARACTER VARYING(200) NOT NULL,
    "conclusion" CHARACTER VARYING(10000) NOT NULL,
    "supports_court_request" BOOLEAN NOT NULL,
    "plan_version_no" INTEGER NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."review" ADD CONSTRAINT "public"."CONSTRAINT_C8" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.review;
CREATE INDEX "public"."review_case_ix" ON "public"."review"("case_id" NULLS LAST);
CREATE INDEX "public"."review_reviewer_ix" ON "public"."review"("case_id" NULLS LAST, "reviewer_id" NULLS LAST);
CREATE CACHED TABLE "public"."consent"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "subject" CHARACTER VARYING(1000) NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL,
    "aim" CHARACTER VARYING(10000) NOT NULL,
    "consequence_of_refusal" CHARACTER VARYING(10000) NOT NULL,
    "consent_given" BOOLEAN NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."consent" ADD CONSTRAINT "public"."CONSTRAINT_38" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.consent;
CREATE INDEX "public"."consent_case_ix" ON "public"."consent"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."evaluation"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "plan_version_no" INTEGER NOT NULL,
    "evaluated_on" DATE NOT NULL,
    "summary" CHARACTER VARYING(10000) NOT NULL,
    "family_opinion" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."evaluation" ADD CONSTRAINT "public"."CONSTRAINT_33" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.evaluation;
CREATE INDEX "public"."evaluation_case_ix" ON "public"."evaluation"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."court_request"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "measure_type" CHARACTER VARYING(40) NOT NULL,
    "grounds" CHARACTER VARYING(10000) NOT NULL,
    "review_id" CHARACTER VARYING(36) NOT NULL,
    "plan_version_no" INTEGER NOT NULL,
    "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "requested_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."court_request" ADD CONSTRAINT "public"."CONSTRAINT_6" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.court_request;
CREATE INDEX "public"."court_request_case_ix" ON "public"."court_request"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."plugin_binding_head"(
    "head_id" INTEGER NOT NULL,
    "last_change" BIGINT NOT NULL
);
ALTER TABLE "public"."plugin_binding_head" ADD CONSTRAINT "public"."CONSTRAINT_E3" PRIMARY KEY("head_id");
-- 1 +/- SELECT COUNT(*) FROM public.plugin_binding_head;
INSERT INTO "public"."plugin_binding_head" VALUES
(1, 0);
CREATE CACHED TABLE "public"."plugin_binding"(
    "extension_point" CHARACTER VARYING(40) NOT NULL,
    "scope_key" CHARACTER VARYING(200) NOT NULL,
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "configuration" CHARACTER VARYING NOT NULL,
    "configuration_hash" CHARACTER VARYING(64) NOT NULL,
    "revision" BIGINT NOT NULL,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_by" CHARACTER VARYING(200) NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL
);
ALTER TABLE "public"."plugin_binding" ADD CONSTRAINT "public"."CONSTRAINT_4" PRIMARY KEY("extension_point", "scope_key");
-- 0 +/- SELECT COUNT(*) FROM public.plugin_binding;
CREATE CACHED TABLE "public"."plugin_binding_change"(
    "id" BIGINT NOT NULL,
    "extension_point" CHARACTER VARYING(40) NOT NULL,
    "scope_key" CHARACTER VARYING(200) NOT NULL,
    "old_plugin_id" CHARACTER VARYING(100),
    "old_configuration" CHARACTER VARYING,
    "new_plugin_id" CHARACTER VARYING(100),
    "new_configuration" CHARACTER VARYING,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_by" CHARACTER VARYING(200) NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL
);
ALTER TABLE "public"."plugin_binding_change" ADD CONSTRAINT "public"."CONSTRAINT_7" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.plugin_binding_change;
CREATE INDEX "public"."plugin_binding_change_point_ix" ON "public"."plugin_binding_change"("extension_point" NULLS LAST);
CREATE CACHED TABLE "public"."triage_outcome"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "round_id" CHARACTER VARYING(36) NOT NULL,
    "facts" CHARACTER VARYING NOT NULL,
    "decision" CHARACTER VARYING NOT NULL,
    "pending" BOOLEAN NOT NULL,
    "classification" CHARACTER VARYING(100) NOT NULL,
    "route" CHARACTER VARYING(40),
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "plugin_bundle" CHARACTER VARYING(200) NOT NULL,
    "plugin_version" CHARACTER VARYING(100) NOT NULL,
    "configuration_hash" CHARACTER VARYING(64),
    "binding_revision" BIGINT NOT NULL,
    "input_digest" CHARACTER VARYING(64) NOT NULL,
    "output_digest" CHARACTER VARYING(64) NOT NULL,
    "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "fallback" BOOLEAN NOT NULL,
    "fallback_reason" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."triage_outcome" ADD CONSTRAINT "public"."CONSTRAINT_34" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.triage_outcome;
CREATE INDEX "public"."triage_outcome_case_ix" ON "public"."triage_outcome"("case_id" NULLS LAST, "seq_no" NULLS LAST);
CREATE INDEX "public"."triage_outcome_pending_ix" ON "public"."triage_outcome"("pending" NULLS LAST);
CREATE INDEX "public"."triage_outcome_variant_ix" ON "public"."triage_outcome"("plugin_id" NULLS LAST, "configuration_hash" NULLS LAST);
CREATE INDEX "public"."triage_outcome_revision_ix" ON "public"."triage_outcome"("binding_revision" NULLS LAST);
CREATE CACHED TABLE "public"."triage_assessment"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "round_id" CHARACTER VARYING(36) NOT NULL,
    "assessor_id" CHARACTER VARYING(200) NOT NULL,
    "assessor_name" CHARACTER VARYING(200) NOT NULL,
    "assessor_role" CHARACTER VARYING(100) NOT NULL,
    "recommendation" CHARACTER VARYING(40) NOT NULL,
    "note" CHARACTER VARYING(10000) NOT NULL,
    "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."triage_assessment" ADD CONSTRAINT "public"."CONSTRAINT_2E" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.triage_assessment;
CREATE INDEX "public"."triage_assessment_round_ix" ON "public"."triage_assessment"("case_id" NULLS LAST, "round_id" NULLS LAST);
CREATE CACHED TABLE "public"."plugin_alert"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "alert_kind" CHARACTER VARYING(40) NOT NULL,
    "extension_point" CHARACTER VARYING(40) NOT NULL,
    "municipality" CHARACTER VARYING(200),
    "plugin_id" CHARACTER VARYING(100),
    "case_id" CHARACTER VARYING(36),
    "message" CHARACTER VARYING(10000) NOT NULL,
    "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."plugin_alert" ADD CONSTRAINT "public"."CONSTRAINT_79" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.plugin_alert;
CREATE INDEX "public"."plugin_alert_seq_ix" ON "public"."plugin_alert"("seq_no" NULLS LAST);
CREATE CACHED TABLE "public"."local_team_outbox"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "idempotency_key" CHARACTER VARYING(100) NOT NULL,
    "event_type" CHARACTER VARYING(40) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "payload" CHARACTER VARYING NOT NULL,
    "status" CHARACTER VARYING(20) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TIMESTAMP WITH TIME ZONE,
    "last_detail" CHARACTER VARYING(2000),
    "plugin_id" CHARACTER VARYING(100),
    "remote_ref" CHARACTER VARYING(200),
    "delivered_at" TIMESTAMP WITH TIME ZONE,
    "alerted" BOOLEAN NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."CONSTRAINT_4B" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.local_team_outbox;
CREATE INDEX "public"."local_team_outbox_status_ix" ON "public"."local_team_outbox"("status" NULLS LAST, "next_attempt_at" NULLS LAST);
CREATE INDEX "public"."local_team_outbox_case_ix" ON "public"."local_team_outbox"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."local_team_inbound"(
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "idempotency_key" CHARACTER VARYING(200) NOT NULL,
    "external_ref" CHARACTER VARYING(200),
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "received_at" TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE "public"."local_team_inbound" ADD CONSTRAINT "public"."CONSTRAINT_E6E" PRIMARY KEY("municipality", "idempotency_key");
-- 0 +/- SELECT COUNT(*) FROM public.local_team_inbound;
CREATE CACHED TABLE "public"."care_path_step"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "step" CHARACTER VARYING(100) NOT NULL,
    "phase" CHARACTER VARYING(40) NOT NULL,
    "note" CHARACTER VARYING(10000) NOT NULL,
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "done_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "done_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."care_path_step" ADD CONSTRAINT "public"."CONSTRAINT_747" PRIMARY KEY("case_id", "step");
-- 0 +/- SELECT COUNT(*) FROM public.care_path_step;
CREATE CACHED TABLE "public"."care_path_incident"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "description" CHARACTER VARYING(10000) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."care_path_incident" ADD CONSTRAINT "public"."CONSTRAINT_50" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.care_path_incident;
CREATE INDEX "public"."care_path_incident_case_ix" ON "public"."care_path_incident"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."maatwerk_request"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "provider" CHARACTER VARYING(200) NOT NULL,
    "motivation" CHARACTER VARYING(10000) NOT NULL,
    "deadline" DATE NOT NULL,
    "state" CHARACTER VARYING(20) NOT NULL,
    "detail" CHARACTER VARYING(10000),
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "requested_by" CHARACTER VARYING(200) NOT NULL,
    "decided_at" TIMESTAMP WITH TIME ZONE,
    "decided_by" CHARACTER VARYING(200),
    "overdue_alerted" BOOLEAN NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."maatwerk_request" ADD CONSTRAINT "public"."CONSTRAINT_A" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.maatwerk_request;
CREATE INDEX "public"."maatwerk_request_case_ix" ON "public"."maatwerk_request"("case_id" NULLS LAST);
CREATE INDEX "public"."maatwerk_request_open_ix" ON "public"."maatwerk_request"("state" NULLS LAST, "deadline" NULLS LAST);
CREATE CACHED TABLE "public"."care_request"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "provider" CHARACTER VARYING(200) NOT NULL,
    "product_category" CHARACTER VARYING(20) NOT NULL,
    "product_code" CHARACTER VARYING(20),
    "start_on" DATE NOT NULL,
    "volume" INTEGER,
    "volume_unit" CHARACTER VARYING(20),
    "frequency" CHARACTER VARYING(20),
    "motivation" CHARACTER VARYING(10000) NOT NULL,
    "state" CHARACTER VARYING(20) NOT NULL,
    "detail" CHARACTER VARYING(10000),
    "plugin_id" CHARACTER VARYING(100) NOT NULL,
    "message_ref" CHARACTER VARYING(200),
    "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "requested_by" CHARACTER VARYING(200) NOT NULL,
    "allocation" CHARACTER VARYING,
    "allocated_at" TIMESTAMP WITH TIME ZONE,
    "allocated_by" CHARACTER VARYING(200),
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."care_request" ADD CONSTRAINT "public"."CONSTRAINT_79E" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.care_request;
CREATE INDEX "public"."care_request_case_ix" ON "public"."care_request"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."municipality"(
    "code" CHARACTER VARYING(6) NOT NULL,
    "name" CHARACTER VARYING(100) NOT NULL,
    "name_key" CHARACTER VARYING(100) NOT NULL,
    "inhabitants" INTEGER,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."municipality" ADD CONSTRAINT "public"."CONSTRAINT_BD" PRIMARY KEY("code");
-- 0 +/- SELECT COUNT(*) FROM public.municipality;
CREATE CACHED TABLE "public"."access_log_head"(
    "head_id" INTEGER NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" CHARACTER VARYING(64) NOT NULL,
    "legacy_seq" BIGINT
);
ALTER TABLE "public"."access_log_head" ADD CONSTRAINT "public"."CONSTRAINT_C7" PRIMARY KEY("head_id");
-- 1 +/- SELECT COUNT(*) FROM public.access_log_head;
INSERT INTO "public"."access_log_head" VALUES
(1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
CREATE CACHED TABLE "public"."node_heartbeat"(
    "heartbeat_id" INTEGER NOT NULL,
    "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "node" CHARACTER VARYING(200)
);
ALTER TABLE "public"."node_heartbeat" ADD CONSTRAINT "public"."CONSTRAINT_EA" PRIMARY KEY("heartbeat_id");
-- 1 +/- SELECT COUNT(*) FROM public.node_heartbeat;
INSERT INTO "public"."node_heartbeat" VALUES
(1, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00', NULL);
CREATE CACHED TABLE "public"."access_log_person"(
    "seq_no" BIGINT NOT NULL,
    "person_id" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."access_log_person" ADD CONSTRAINT "public"."CONSTRAINT_D3C" PRIMARY KEY("seq_no", "person_id");
-- 0 +/- SELECT COUNT(*) FROM public.access_log_person;
CREATE INDEX "public"."access_log_person_seq_ix" ON "public"."access_log_person"("person_id" NULLS LAST, "seq_no" NULLS LAST);
CREATE CACHED TABLE "public"."case_summary"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "signal_received_on" DATE NOT NULL,
    "status" CHARACTER VARYING(40) NOT NULL,
    "framework" CHARACTER VARYING(40) NOT NULL,
    "measure_type" CHARACTER VARYING(40),
    "opened_on" DATE NOT NULL,
    "first_help_on" DATE,
    "lead_days" INTEGER,
    "professionals" INTEGER NOT NULL,
    "active_professionals" INTEGER NOT NULL,
    "handovers" INTEGER NOT NULL,
    "raad_requests" INTEGER NOT NULL,
    "outcome" CHARACTER VARYING(40),
    "closed_on" DATE,
    "repeat_signal" INTEGER NOT NULL,
    "triage_plugin" CHARACTER VARYING(100),
    "triage_configuration_hash" CHARACTER VARYING(64),
    "triage_binding_revision" BIGINT,
    "framework_changes" INTEGER NOT NULL,
    "experience_1" INTEGER DEFAULT 0 NOT NULL,
    "experience_2" INTEGER DEFAULT 0 NOT NULL,
    "experience_3" INTEGER DEFAULT 0 NOT NULL,
    "experience_4" INTEGER DEFAULT 0 NOT NULL,
    "experience_5" INTEGER DEFAULT 0 NOT NULL,
    "care_waits" INTEGER DEFAULT 0 NOT NULL,
    "care_wait_days" INTEGER
);
ALTER TABLE "public"."case_summary" ADD CONSTRAINT "public"."CONSTRAINT_BE" PRIMARY KEY("case_id");
-- 0 +/- SELECT COUNT(*) FROM public.case_summary;
CREATE INDEX "public"."case_summary_signal_ix" ON "public"."case_summary"("signal_received_on" NULLS LAST, "municipality" NULLS LAST, "triage_plugin" NULLS LAST, "triage_configuration_hash" NULLS LAST, "triage_binding_revision" NULLS LAST, "lead_days" NULLS LAST, "professionals" NULLS LAST, "handovers" NULLS LAST, "status" NULLS LAST, "framework" NULLS LAST, "measure_type" NULLS LAST, "outcome" NULLS LAST, "repeat_signal" NULLS LAST, "raad_requests" NULLS LAST, "first_help_on" NULLS LAST, "case_id" NULLS LAST, "experience_1" NULLS LAST, "experience_2" NULLS LAST, "experience_3" NULLS LAST, "experience_4" NULLS LAST, "experience_5" NULLS LAST, "care_waits" NULLS LAST, "care_wait_days" NULLS LAST);
CREATE INDEX "public"."case_summary_municipality_ix" ON "public"."case_summary"("municipality" NULLS LAST, "signal_received_on" NULLS LAST, "triage_plugin" NULLS LAST, "triage_configuration_hash" NULLS LAST, "triage_binding_revision" NULLS LAST, "lead_days" NULLS LAST, "professionals" NULLS LAST, "handovers" NULLS LAST, "status" NULLS LAST, "framework" NULLS LAST, "measure_type" NULLS LAST, "outcome" NULLS LAST, "repeat_signal" NULLS LAST, "raad_requests" NULLS LAST, "first_help_on" NULLS LAST, "case_id" NULLS LAST, "experience_1" NULLS LAST, "experience_2" NULLS LAST, "experience_3" NULLS LAST, "experience_4" NULLS LAST, "experience_5" NULLS LAST, "care_waits" NULLS LAST, "care_wait_days" NULLS LAST);
CREATE INDEX "public"."case_summary_variant_ix" ON "public"."case_summary"("triage_plugin" NULLS LAST, "triage_configuration_hash" NULLS LAST);
CREATE INDEX "public"."case_summary_revision_ix" ON "public"."case_summary"("triage_binding_revision" NULLS LAST);
CREATE INDEX "public"."case_summary_framework_changes_ix" ON "public"."case_summary"("framework_changes" NULLS LAST);
CREATE CACHED TABLE "public"."case_outcome"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "outcome" CHARACTER VARYING(40) NOT NULL,
    "reasons" CHARACTER VARYING(10000) NOT NULL,
    "closed_on" DATE NOT NULL,
    "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."case_outcome" ADD CONSTRAINT "public"."CONSTRAINT_EAF" PRIMARY KEY("case_id");
-- 0 +/- SELECT COUNT(*) FROM public.case_outcome;
CREATE INDEX "public"."case_outcome_closed_on_ix" ON "public"."case_outcome"("closed_on" NULLS LAST);
CREATE CACHED TABLE "public"."user_municipality"(
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."user_municipality" ADD CONSTRAINT "public"."CONSTRAINT_7B1" PRIMARY KEY("user_id", "municipality");
-- 0 +/- SELECT COUNT(*) FROM public.user_municipality;
CREATE CACHED TABLE "public"."user_session"(
    "token_hash" CHARACTER VARYING(64) NOT NULL,
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "roles" CHARACTER VARYING(400) NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "client_address" CHARACTER VARYING(100)
);
ALTER TABLE "public"."user_session" ADD CONSTRAINT "public"."CONSTRAINT_D1" PRIMARY KEY("token_hash");
-- 0 +/- SELECT COUNT(*) FROM public.user_session;
CREATE INDEX "public"."user_session_user_ix" ON "public"."user_session"("user_id" NULLS LAST);
CREATE CACHED TABLE "public"."login_throttle"(
    "username_key" CHARACTER VARYING(64) NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "locked_until" TIMESTAMP WITH TIME ZONE
);
ALTER TABLE "public"."login_throttle" ADD CONSTRAINT "public"."CONSTRAINT_340" PRIMARY KEY("username_key");
-- 0 +/- SELECT COUNT(*) FROM public.login_throttle;
CREATE CACHED TABLE "public"."break_glass"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "user_name" CHARACTER VARYING(200) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "reason" CHARACTER VARYING(2000) NOT NULL,
    "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "reviewed_at" TIMESTAMP WITH TIME ZONE,
    "reviewed_by" CHARACTER VARYING(200)
);
ALTER TABLE "public"."break_glass" ADD CONSTRAINT "public"."CONSTRAINT_67" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.break_glass;
CREATE INDEX "public"."break_glass_case_user_ix" ON "public"."break_glass"("case_id" NULLS LAST, "user_id" NULLS LAST);
CREATE INDEX "public"."break_glass_granted_ix" ON "public"."break_glass"("granted_at" NULLS LAST);
CREATE INDEX "public"."break_glass_user_ix" ON "public"."break_glass"("user_id" NULLS LAST, "expires_at" NULLS LAST);
CREATE CACHED TABLE "public"."safe_address_version"(
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "version_no" INTEGER NOT NULL,
    "change_kind" CHARACTER VARYING(20) NOT NULL,
    "address" CHARACTER VARYING(200) NOT NULL,
    "postal_code" CHARACTER VARYING(7),
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "restricted_to" CHARACTER VARYING(2000) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."safe_address_version" ADD CONSTRAINT "public"."CONSTRAINT_6C1" PRIMARY KEY("person_id", "version_no");
-- 0 +/- SELECT COUNT(*) FROM public.safe_address_version;
CREATE CACHED TABLE "public"."case_entry"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "entry_kind" CHARACTER VARYING(40) NOT NULL,
    "body_text" CHARACTER VARYING(10000) NOT NULL,
    "source" CHARACTER VARYING(200) NOT NULL,
    "author_id" CHARACTER VARYING(200) NOT NULL,
    "author_name" CHARACTER VARYING(200) NOT NULL,
    "author_role" CHARACTER VARYING(40),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "restricted_to" CHARACTER VARYING(2000)
);
ALTER TABLE "public"."case_entry" ADD CONSTRAINT "public"."CONSTRAINT_D73" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_entry;
CREATE INDEX "public"."case_entry_case_ix" ON "public"."case_entry"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."erasure_request"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "status" CHARACTER VARYING(20) NOT NULL,
    "reason" CHARACTER VARYING(2000) NOT NULL,
    "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "requested_by" CHARACTER VARYING(200) NOT NULL,
    "decided_at" TIMESTAMP WITH TIME ZONE,
    "decided_by" CHARACTER VARYING(200),
    "outcome" CHARACTER VARYING(2000)
);
ALTER TABLE "public"."erasure_request" ADD CONSTRAINT "public"."CONSTRAINT_FE" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.erasure_request;
CREATE INDEX "public"."erasure_request_person_ix" ON "public"."erasure_request"("person_id" NULLS LAST);
CREATE CACHED TABLE "public"."pseudonym_key"(
    "key_id" INTEGER NOT NULL,
    "secret" CHARACTER VARYING(100) NOT NULL
);
ALTER TABLE "public"."pseudonym_key" ADD CONSTRAINT "public"."CONSTRAINT_B6" PRIMARY KEY("key_id");
-- 0 +/- SELECT COUNT(*) FROM public.pseudonym_key;
CREATE CACHED TABLE "public"."safe_address"(
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "address" CHARACTER VARYING(200) NOT NULL,
    "postal_code" CHARACTER VARYING(7),
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "restricted_to" CHARACTER VARYING(2000) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "version_no" INTEGER DEFAULT 1 NOT NULL
);
ALTER TABLE "public"."safe_address" ADD CONSTRAINT "public"."CONSTRAINT_FB" PRIMARY KEY("person_id");
-- 0 +/- SELECT COUNT(*) FROM public.safe_address;
CREATE CACHED TABLE "public"."restricted_reader_added"(
    "entry_id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "reader" CHARACTER VARYING(200) NOT NULL,
    "added_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "added_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
-- 0 +/- SELECT COUNT(*) FROM public.restricted_reader_added;
CREATE INDEX "public"."restricted_reader_added_entry_ix" ON "public"."restricted_reader_added"("entry_id" NULLS LAST);
CREATE CACHED TABLE "public"."restricted_notice"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "recipient_id" CHARACTER VARYING(200) NOT NULL,
    "person_id" CHARACTER VARYING(36),
    "case_id" CHARACTER VARYING(36),
    "object_type" CHARACTER VARYING(40) NOT NULL,
    "object_id" CHARACTER VARYING(36) NOT NULL,
    "message" CHARACTER VARYING(2000) NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."restricted_notice" ADD CONSTRAINT "public"."CONSTRAINT_BA" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.restricted_notice;
CREATE INDEX "public"."restricted_notice_recipient_ix" ON "public"."restricted_notice"("recipient_id" NULLS LAST, "seq_no" NULLS LAST);
CREATE CACHED TABLE "public"."access_log"(
    "seq_no" BIGINT NOT NULL,
    "event_id" CHARACTER VARYING(36) NOT NULL,
    "logged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "node" CHARACTER VARYING(200) NOT NULL,
    "action" CHARACTER VARYING(40) NOT NULL,
    "outcome" CHARACTER VARYING(20) NOT NULL,
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "user_name" CHARACTER VARYING(200),
    "user_role" CHARACTER VARYING(100),
    "organisation" CHARACTER VARYING(200),
    "on_behalf_of" CHARACTER VARYING(200),
    "purpose" CHARACTER VARYING(2000),
    "person_ids" CHARACTER VARYING(4000) NOT NULL,
    "case_id" CHARACTER VARYING(200),
    "object_type" CHARACTER VARYING(100),
    "object_id" CHARACTER VARYING(200),
    "request_id" CHARACTER VARYING(200),
    "detail" CHARACTER VARYING(4000),
    "restricted" BOOLEAN NOT NULL,
    "prev_hash" CHARACTER VARYING(64) NOT NULL,
    "entry_hash" CHARACTER VARYING(64) NOT NULL,
    "entry_mac" CHARACTER VARYING(64)
);
ALTER TABLE "public"."access_log" ADD CONSTRAINT "public"."CONSTRAINT_B" PRIMARY KEY("seq_no");
-- 0 +/- SELECT COUNT(*) FROM public.access_log;
CREATE INDEX "public"."access_log_request_ix" ON "public"."access_log"("request_id" NULLS LAST);
CREATE UNIQUE NULLS DISTINCT INDEX "public"."access_log_event_ux" ON "public"."access_log"("event_id" NULLS LAST);
CREATE INDEX "public"."access_log_logged_at_ix" ON "public"."access_log"("logged_at" NULLS LAST);
CREATE INDEX "public"."access_log_user_ix" ON "public"."access_log"("user_id" NULLS LAST);
CREATE INDEX "public"."access_log_case_ix" ON "public"."access_log"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."login_known_client"(
    "client_key" CHARACTER VARYING(64) NOT NULL,
    "last_success_at" TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE "public"."login_known_client" ADD CONSTRAINT "public"."CONSTRAINT_10" PRIMARY KEY("client_key");
-- 0 +/- SELECT COUNT(*) FROM public.login_known_client;
CREATE CACHED TABLE "public"."case_event"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "event_type" CHARACTER VARYING(60) NOT NULL,
    "detail" CHARACTER VARYING(10000) NOT NULL,
    "reason" CHARACTER VARYING(10000),
    "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "payload" CHARACTER VARYING(10000)
);
ALTER TABLE "public"."case_event" ADD CONSTRAINT "public"."CONSTRAINT_D" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_event;
CREATE INDEX "public"."case_event_case_ix" ON "public"."case_event"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."user_account"(
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "display_name" CHARACTER VARYING(200) NOT NULL,
    "organisation" CHARACTER VARYING(200),
    "disabled" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "password_hash" CHARACTER VARYING(400),
    "roles" CHARACTER VARYING(400),
    "credentials_changed_at" TIMESTAMP WITH TIME ZONE
);
ALTER TABLE "public"."user_account" ADD CONSTRAINT "public"."CONSTRAINT_14C" PRIMARY KEY("user_id");
-- 0 +/- SELECT COUNT(*) FROM public.user_account;
CREATE CACHED TABLE "public"."family_experience"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "score" INTEGER NOT NULL,
    "remark" CHARACTER VARYING(2000),
    "recorded_as" CHARACTER VARYING(20) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."family_experience" ADD CONSTRAINT "public"."CONSTRAINT_5A0" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.family_experience;
CREATE INDEX "public"."family_experience_case_ix" ON "public"."family_experience"("case_id" NULLS LAST, "person_id" NULLS LAST, "seq_no" NULLS LAST);
CREATE CACHED TABLE "public"."municipality_group"(
    "name" CHARACTER VARYING(100) NOT NULL,
    "name_key" CHARACTER VARYING(100) NOT NULL,
    "description" CHARACTER VARYING(2000) NOT NULL,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."municipality_group" ADD CONSTRAINT "public"."CONSTRAINT_E63" PRIMARY KEY("name_key");
-- 0 +/- SELECT COUNT(*) FROM public.municipality_group;
CREATE CACHED TABLE "public"."municipality_group_member"(
    "group_key" CHARACTER VARYING(100) NOT NULL,
    "municipality_code" CHARACTER VARYING(6) NOT NULL
);
ALTER TABLE "public"."municipality_group_member" ADD CONSTRAINT "public"."CONSTRAINT_4B4D6" PRIMARY KEY("group_key", "municipality_code");
-- 0 +/- SELECT COUNT(*) FROM public.municipality_group_member;
CREATE CACHED TABLE "public"."plugin_binding_switch"(
    "id" BIGINT NOT NULL,
    "extension_point" CHARACTER VARYING(40) NOT NULL,
    "scope_key" CHARACTER VARYING(200) NOT NULL,
    "plugin_id" CHARACTER VARYING(100),
    "configuration" CHARACTER VARYING,
    "configuration_hash" CHARACTER VARYING(64),
    "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "state" CHARACTER VARYING(20) NOT NULL,
    "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "planned_by" CHARACTER VARYING(200) NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL,
    "settled_at" TIMESTAMP WITH TIME ZONE,
    "settled_by" CHARACTER VARYING(200),
    "settled_reason" CHARACTER VARYING(10000)
);
ALTER TABLE "public"."plugin_binding_switch" ADD CONSTRAINT "public"."CONSTRAINT_8D" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.plugin_binding_switch;
CREATE INDEX "public"."plugin_binding_switch_due_ix" ON "public"."plugin_binding_switch"("state" NULLS LAST, "extension_point" NULLS LAST, "scope_key" NULLS LAST, "effective_at" NULLS LAST);
CREATE CACHED TABLE "public"."child_measure"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "measure_type" CHARACTER VARYING(40) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "court_decision_reference" CHARACTER VARYING(200) NOT NULL,
    "ended_on" DATE,
    "end_reason" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."child_measure" ADD CONSTRAINT "public"."CONSTRAINT_2C" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.child_measure;
CREATE INDEX "public"."child_measure_case_ix" ON "public"."child_measure"("case_id" NULLS LAST);
CREATE INDEX "public"."child_measure_person_ix" ON "public"."child_measure"("person_id" NULLS LAST);
CREATE INDEX "public"."child_measure_end_ix" ON "public"."child_measure"("measure_type" NULLS LAST, "end_date" NULLS LAST);
CREATE CACHED TABLE "public"."review_request"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "reviewer_id" CHARACTER VARYING(200) NOT NULL,
    "question" CHARACTER VARYING(10000) NOT NULL,
    "plan_version" INTEGER NOT NULL,
    "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "requested_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."review_request" ADD CONSTRAINT "public"."CONSTRAINT_66" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.review_request;
CREATE INDEX "public"."review_request_case_ix" ON "public"."review_request"("case_id" NULLS LAST, "reviewer_id" NULLS LAST);
CREATE INDEX "public"."review_request_reviewer_ix" ON "public"."review_request"("reviewer_id" NULLS LAST);
CREATE CACHED TABLE "public"."case_signal"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "signal_kind" CHARACTER VARYING(40) NOT NULL,
    "signal_source" CHARACTER VARYING(40) NOT NULL,
    "description" CHARACTER VARYING(10000) NOT NULL,
    "received_on" DATE NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."case_signal" ADD CONSTRAINT "public"."CONSTRAINT_26" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_signal;
CREATE INDEX "public"."case_signal_case_ix" ON "public"."case_signal"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."separate_case"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "existing_cases" CHARACTER VARYING(1000000) NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."separate_case" ADD CONSTRAINT "public"."CONSTRAINT_EE" PRIMARY KEY("case_id");
-- 0 +/- SELECT COUNT(*) FROM public.separate_case;
CREATE CACHED TABLE "public"."parental_authority"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "holder_person_id" CHARACTER VARYING(36),
    "holder_organisation" CHARACTER VARYING(200),
    "since_date" DATE NOT NULL,
    "until_date" DATE,
    "end_reason" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."parental_authority" ADD CONSTRAINT "public"."CONSTRAINT_51" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.parental_authority;
CREATE INDEX "public"."parental_authority_case_ix" ON "public"."parental_authority"("case_id" NULLS LAST);
CREATE INDEX "public"."parental_authority_person_ix" ON "public"."parental_authority"("person_id" NULLS LAST);
CREATE INDEX "public"."parental_authority_holder_ix" ON "public"."parental_authority"("holder_person_id" NULLS LAST);
CREATE CACHED TABLE "public"."regie_notice"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "other_case_id" CHARACTER VARYING(36) NOT NULL,
    "other_user_id" CHARACTER VARYING(200) NOT NULL,
    "other_user_name" CHARACTER VARYING(200) NOT NULL,
    "other_organisation" CHARACTER VARYING(200),
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."regie_notice" ADD CONSTRAINT "public"."CONSTRAINT_A4" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.regie_notice;
CREATE INDEX "public"."regie_notice_user_ix" ON "public"."regie_notice"("user_id" NULLS LAST);
CREATE CACHED TABLE "public"."municipal_term"(
    "code" CHARACTER VARYING(6) NOT NULL,
    "decision_term_days" INTEGER NOT NULL,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_by" CHARACTER VARYING(200) NOT NULL
);
ALTER TABLE "public"."municipal_term" ADD CONSTRAINT "public"."CONSTRAINT_11" PRIMARY KEY("code");
-- 0 +/- SELECT COUNT(*) FROM public.municipal_term;
CREATE CACHED TABLE "public"."care_request_deadline"(
    "request_id" CHARACTER VARYING(36) NOT NULL,
    "deadline" DATE NOT NULL,
    "overdue_alerted" BOOLEAN NOT NULL
);
ALTER TABLE "public"."care_request_deadline" ADD CONSTRAINT "public"."CONSTRAINT_11C" PRIMARY KEY("request_id");
-- 0 +/- SELECT COUNT(*) FROM public.care_request_deadline;
CREATE CACHED TABLE "public"."municipal_decision"(
    "request_id" CHARACTER VARYING(36) NOT NULL,
    "request_kind" CHARACTER VARYING(20) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "outcome" CHARACTER VARYING(20) NOT NULL,
    "reasons" CHARACTER VARYING(10000) NOT NULL,
    "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "decided_by" CHARACTER VARYING(200) NOT NULL,
    "decided_by_name" CHARACTER VARYING(200) NOT NULL,
    "objection_until" DATE NOT NULL
);
ALTER TABLE "public"."municipal_decision" ADD CONSTRAINT "public"."CONSTRAINT_82" PRIMARY KEY("request_id");
-- 0 +/- SELECT COUNT(*) FROM public.municipal_decision;
CREATE INDEX "public"."municipal_decision_case_ix" ON "public"."municipal_decision"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."alert_addressee"(
    "alert_id" CHARACTER VARYING(36) NOT NULL,
    "addressee" CHARACTER VARYING(220) NOT NULL
);
ALTER TABLE "public"."alert_addressee" ADD CONSTRAINT "public"."CONSTRAINT_2F8" PRIMARY KEY("alert_id", "addressee");
-- 0 +/- SELECT COUNT(*) FROM public.alert_addressee;
CREATE INDEX "public"."alert_addressee_ix" ON "public"."alert_addressee"("addressee" NULLS LAST);
CREATE CACHED TABLE "public"."case_wait"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "care_request_id" CHARACTER VARYING(36),
    "wait_for" CHARACTER VARYING(40) NOT NULL,
    "waiting_on" CHARACTER VARYING(200) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "responsible_id" CHARACTER VARYING(200) NOT NULL,
    "responsible_name" CHARACTER VARYING(200) NOT NULL,
    "responsible_org" CHARACTER VARYING(200) NOT NULL,
    "since_on" DATE NOT NULL,
    "expected_on" DATE,
    "note" CHARACTER VARYING(10000),
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "ended_on" DATE,
    "ended_at" TIMESTAMP WITH TIME ZONE,
    "ended_by" CHARACTER VARYING(200),
    "end_reason" CHARACTER VARYING(10000),
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."case_wait" ADD CONSTRAINT "public"."CONSTRAINT_28" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_wait;
CREATE INDEX "public"."case_wait_case_ix" ON "public"."case_wait"("case_id" NULLS LAST);
CREATE INDEX "public"."case_wait_open_ix" ON "public"."case_wait"("ended_on" NULLS LAST, "municipality" NULLS LAST);
CREATE CACHED TABLE "public"."session_revision"(
    "id" INTEGER NOT NULL,
    "revision" BIGINT NOT NULL
);
ALTER TABLE "public"."session_revision" ADD CONSTRAINT "public"."CONSTRAINT_80" PRIMARY KEY("id");
-- 1 +/- SELECT COUNT(*) FROM public.session_revision;
INSERT INTO "public"."session_revision" VALUES
(1, 0);
CREATE CACHED TABLE "public"."case_framework_change"(
    "event_id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "changed_on" DATE NOT NULL,
    "from_framework" CHARACTER VARYING(40) NOT NULL,
    "to_framework" CHARACTER VARYING(40) NOT NULL,
    "seq_no" BIGINT NOT NULL
);
ALTER TABLE "public"."case_framework_change" ADD CONSTRAINT "public"."CONSTRAINT_77" PRIMARY KEY("event_id");
-- 0 +/- SELECT COUNT(*) FROM public.case_framework_change;
CREATE INDEX "public"."case_framework_change_case_ix" ON "public"."case_framework_change"("case_id" NULLS LAST, "seq_no" NULLS LAST);
CREATE CACHED TABLE "public"."monitor_tally"(
    "id" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "measure" CHARACTER VARYING(2) NOT NULL,
    "framework" CHARACTER VARYING(40) NOT NULL,
    "v" INTEGER NOT NULL,
    "n" BIGINT NOT NULL,
    "delta" BOOLEAN NOT NULL
);
ALTER TABLE "public"."monitor_tally" ADD CONSTRAINT "public"."CONSTRAINT_81" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.monitor_tally;
CREATE INDEX "public"."monitor_tally_key_ix" ON "public"."monitor_tally"("measure" NULLS LAST, "municipality" NULLS LAST, "framework" NULLS LAST, "v" NULLS LAST);
CREATE INDEX "public"."monitor_tally_delta_ix" ON "public"."monitor_tally"("delta" NULLS LAST);
CREATE CACHED TABLE "public"."case_variant"(
    "id" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "decision" CHARACTER VARYING(40) NOT NULL,
    "extension_point" CHARACTER VARYING(40) NOT NULL,
    "plugin_id" CHARACTER VARYING(100),
    "configuration_hash" CHARACTER VARYING(64),
    "binding_revision" BIGINT NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE "public"."case_variant" ADD CONSTRAINT "public"."CONSTRAINT_3B" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_variant;
CREATE INDEX "public"."case_variant_case_ix" ON "public"."case_variant"("case_id" NULLS LAST, "decision" NULLS LAST);
CREATE INDEX "public"."case_variant_variant_ix" ON "public"."case_variant"("decision" NULLS LAST, "extension_point" NULLS LAST, "plugin_id" NULLS LAST, "configuration_hash" NULLS LAST, "case_id" NULLS LAST);
CREATE CACHED TABLE "public"."case_municipality_move"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "from_municipality" CHARACTER VARYING(200) NOT NULL,
    "to_municipality" CHARACTER VARYING(200) NOT NULL,
    "moved_on" DATE NOT NULL,
    "reason" CHARACTER VARYING(10000) NOT NULL,
    "requests_moved" INTEGER NOT NULL,
    "waits_moved" INTEGER NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."case_municipality_move" ADD CONSTRAINT "public"."CONSTRAINT_AC" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.case_municipality_move;
CREATE INDEX "public"."case_municipality_move_case_ix" ON "public"."case_municipality_move"("case_id" NULLS LAST);
CREATE CACHED TABLE "public"."raad_investigation"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "question" CHARACTER VARYING(10000) NOT NULL,
    "requested_on" DATE NOT NULL,
    "report_due" DATE NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "reported_on" DATE,
    "conclusion" CHARACTER VARYING(40),
    "report_summary" CHARACTER VARYING(10000),
    "reported_at" TIMESTAMP WITH TIME ZONE,
    "reported_by" CHARACTER VARYING(200),
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."raad_investigation" ADD CONSTRAINT "public"."CONSTRAINT_B5" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.raad_investigation;
CREATE INDEX "public"."raad_investigation_case_ix" ON "public"."raad_investigation"("case_id" NULLS LAST);
CREATE INDEX "public"."raad_investigation_due_ix" ON "public"."raad_investigation"("reported_on" NULLS LAST, "report_due" NULLS LAST);
CREATE CACHED TABLE "public"."cycle_alert_mark"(
    "subject_id" CHARACTER VARYING(36) NOT NULL,
    "alert_kind" CHARACTER VARYING(40) NOT NULL,
    "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE "public"."cycle_alert_mark" ADD CONSTRAINT "public"."CONSTRAINT_68" PRIMARY KEY("subject_id", "alert_kind");
-- 0 +/- SELECT COUNT(*) FROM public.cycle_alert_mark;
CREATE CACHED TABLE "public"."signal_reporter"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "signal_id" CHARACTER VARYING(36),
    "organisation" CHARACTER VARYING(200) NOT NULL,
    "contact" CHARACTER VARYING(200) NOT NULL,
    "received_on" DATE NOT NULL,
    "feedback_due" DATE NOT NULL,
    "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "told_on" DATE,
    "outcome" CHARACTER VARYING(40),
    "channel" CHARACTER VARYING(20),
    "told_at" TIMESTAMP WITH TIME ZONE,
    "told_by" CHARACTER VARYING(200),
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."signal_reporter" ADD CONSTRAINT "public"."CONSTRAINT_AC2" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.signal_reporter;
CREATE INDEX "public"."signal_reporter_case_ix" ON "public"."signal_reporter"("case_id" NULLS LAST);
CREATE INDEX "public"."signal_reporter_due_ix" ON "public"."signal_reporter"("told_on" NULLS LAST, "feedback_due" NULLS LAST);
CREATE CACHED TABLE "public"."crowd_notice"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "professionals" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "named" CHARACTER VARYING(20000) NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 CACHE 1000) NOT NULL
);
ALTER TABLE "public"."crowd_notice" ADD CONSTRAINT "public"."CONSTRAINT_16" PRIMARY KEY("id");
-- 0 +/- SELECT COUNT(*) FROM public.crowd_notice;
CREATE INDEX "public"."crowd_notice_user_ix" ON "public"."crowd_notice"("user_id" NULLS LAST);
CREATE CACHED TABLE "public"."access_log_person_mark"(
    "mark_id" INTEGER NOT NULL,
    "indexed_to" BIGINT NOT NULL
);
ALTER TABLE "public"."access_log_person_mark" ADD CONSTRAINT "public"."CONSTRAINT_5E" PRIMARY KEY("mark_id");
-- 1 +/- SELECT COUNT(*) FROM public.access_log_person_mark;
INSERT INTO "public"."access_log_person_mark" VALUES
(1, 0);
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."relationship_distinct_ck" CHECK("from_person_id" <> "to_person_id") NOCHECK;
ALTER TABLE "public"."access_log_person_mark" ADD CONSTRAINT "public"."access_log_person_mark_single_ck" CHECK("mark_id" = 1) NOCHECK;
ALTER TABLE "public"."access_log_head" ADD CONSTRAINT "public"."access_log_head_single_ck" CHECK("head_id" = 1) NOCHECK;
ALTER TABLE "public"."municipal_term" ADD CONSTRAINT "public"."municipal_term_days_ck" CHECK("decision_term_days" BETWEEN 1 AND 365) NOCHECK;
ALTER TABLE "public"."safe_address_version" ADD CONSTRAINT "public"."safe_address_version_kind_ck" CHECK("change_kind" IN('RECORDED', 'CHANGED', 'READER_ADDED')) NOCHECK;
ALTER TABLE "public"."plugin_binding_switch" ADD CONSTRAINT "public"."plugin_binding_switch_state_ck" CHECK("state" IN('PLANNED', 'APPLIED', 'CANCELLED')) NOCHECK;
ALTER TABLE "public"."node_heartbeat" ADD CONSTRAINT "public"."node_heartbeat_single_ck" CHECK("heartbeat_id" = 1) NOCHECK;
ALTER TABLE "public"."municipality" ADD CONSTRAINT "public"."municipality_inhabitants_ck" CHECK(("inhabitants" IS NULL)
    OR ("inhabitants" >= 0)) NOCHECK;
ALTER TABLE "public"."erasure_request" ADD CONSTRAINT "public"."erasure_request_status_ck" CHECK("status" IN('REQUESTED', 'ERASED', 'REFUSED', 'REJECTED')) NOCHECK;
ALTER TABLE "public"."person" ADD CONSTRAINT "public"."person_national_id_ck" CHECK((("national_id_digest" IS NULL)
    AND ("national_id_sealed" IS NULL)
    AND ("national_id_last3" IS NULL))
    OR (("national_id_digest" IS NOT NULL)
    AND ("national_id_sealed" IS NOT NULL)
    AND ("national_id_last3" IS NOT NULL))) NOCHECK;
ALTER TABLE "public"."plugin_binding_head" ADD CONSTRAINT "public"."plugin_binding_head_single_ck" CHECK("head_id" = 1) NOCHECK;
ALTER TABLE "public"."family_experience" ADD CONSTRAINT "public"."family_experience_score_ck" CHECK("score" BETWEEN 1 AND 5) NOCHECK;
ALTER TABLE "public"."pseudonym_key" ADD CONSTRAINT "public"."pseudonym_key_single_ck" CHECK("key_id" = 1) NOCHECK;
ALTER TABLE "public"."legal_hold" ADD CONSTRAINT "public"."legal_hold_subject_ck" CHECK("subject_type" IN('PERSON', 'CASE')) NOCHECK;
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."local_team_outbox_key_uq" UNIQUE NULLS DISTINCT ("idempotency_key");
ALTER TABLE "public"."municipality" ADD CONSTRAINT "public"."municipality_name_key_uq" UNIQUE NULLS DISTINCT ("name_key");
ALTER TABLE "public"."assignment" ADD CONSTRAINT "public"."CONSTRAINT_3D2" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_outcome" ADD CONSTRAINT "public"."CONSTRAINT_EAF3" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."restricted_reader_added" ADD CONSTRAINT "public"."CONSTRAINT_611" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."evaluation" ADD CONSTRAINT "public"."CONSTRAINT_332" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_212" FOREIGN KEY("from_assignment_id") REFERENCES "public"."assignment"("id") NOCHECK;
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F06" FOREIGN KEY("to_person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."maatwerk_request" ADD CONSTRAINT "public"."CONSTRAINT_A0" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."consent" ADD CONSTRAINT "public"."CONSTRAINT_38B6" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."parental_authority" ADD CONSTRAINT "public"."CONSTRAINT_5161" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."user_municipality" ADD CONSTRAINT "public"."CONSTRAINT_7B" FOREIGN KEY("user_id") REFERENCES "public"."user_account"("user_id") NOCHECK;
ALTER TABLE "public"."crowd_notice" ADD CONSTRAINT "public"."CONSTRAINT_169" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_member_change" ADD CONSTRAINT "public"."CONSTRAINT_C017" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."parental_authority" ADD CONSTRAINT "public"."CONSTRAINT_51616" FOREIGN KEY("holder_person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."case_wait" ADD CONSTRAINT "public"."CONSTRAINT_280" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_entry_person" ADD CONSTRAINT "public"."CONSTRAINT_E" FOREIGN KEY("entry_id") REFERENCES "public"."case_entry"("id") NOCHECK;
ALTER TABLE "public"."break_glass" ADD CONSTRAINT "public"."CONSTRAINT_67C" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."separate_case" ADD CONSTRAINT "public"."CONSTRAINT_EEB" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_variant" ADD CONSTRAINT "public"."CONSTRAINT_3B0" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_21" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."measure_evaluation" ADD CONSTRAINT "public"."CONSTRAINT_48CE" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_entry" ADD CONSTRAINT "public"."CONSTRAINT_D730" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."signal_reporter" ADD CONSTRAINT "public"."CONSTRAINT_AC29" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_member_change" ADD CONSTRAINT "public"."CONSTRAINT_C01" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."review_request" ADD CONSTRAINT "public"."CONSTRAINT_66C" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."alert_addressee" ADD CONSTRAINT "public"."CONSTRAINT_2F" FOREIGN KEY("alert_id") REFERENCES "public"."plugin_alert"("id") NOCHECK;
ALTER TABLE "public"."regie_notice" ADD CONSTRAINT "public"."CONSTRAINT_A44" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."family_experience" ADD CONSTRAINT "public"."CONSTRAINT_5A0D2" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."review" ADD CONSTRAINT "public"."CONSTRAINT_C84" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."municipal_decision" ADD CONSTRAINT "public"."CONSTRAINT_826" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."consent" ADD CONSTRAINT "public"."CONSTRAINT_38B" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_member_role" ADD CONSTRAINT "public"."CONSTRAINT_549" FOREIGN KEY("case_id", "person_id") REFERENCES "public"."case_member"("case_id", "person_id") NOCHECK;
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."CONSTRAINT_4BE" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."plan_version" ADD CONSTRAINT "public"."CONSTRAINT_14" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_signal" ADD CONSTRAINT "public"."CONSTRAINT_267" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."care_request" ADD CONSTRAINT "public"."CONSTRAINT_79ED" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."user_session" ADD CONSTRAINT "public"."CONSTRAINT_D14" FOREIGN KEY("user_id") REFERENCES "public"."user_account"("user_id") NOCHECK;
ALTER TABLE "public"."municipality_group_member" ADD CONSTRAINT "public"."CONSTRAINT_4B4" FOREIGN KEY("group_key") REFERENCES "public"."municipality_group"("name_key") NOCHECK;
ALTER TABLE "public"."raad_investigation" ADD CONSTRAINT "public"."CONSTRAINT_B59" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1C" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."case_municipality_move" ADD CONSTRAINT "public"."CONSTRAINT_ACD" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."care_request" ADD CONSTRAINT "public"."CONSTRAINT_79ED7" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."case_entry_person" ADD CONSTRAINT "public"."CONSTRAINT_E1" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."case_framework_change" ADD CONSTRAINT "public"."CONSTRAINT_775" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."triage_assessment" ADD CONSTRAINT "public"."CONSTRAINT_2EF" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_summary" ADD CONSTRAINT "public"."CONSTRAINT_BE2" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."municipality_group_member" ADD CONSTRAINT "public"."CONSTRAINT_4B4D" FOREIGN KEY("municipality_code") REFERENCES "public"."municipality"("code") NOCHECK;
ALTER TABLE "public"."local_team_inbound" ADD CONSTRAINT "public"."CONSTRAINT_E6" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."court_request" ADD CONSTRAINT "public"."CONSTRAINT_64C" FOREIGN KEY("review_id") REFERENCES "public"."review"("id") NOCHECK;
ALTER TABLE "public"."measure_evaluation" ADD CONSTRAINT "public"."CONSTRAINT_48C" FOREIGN KEY("measure_id") REFERENCES "public"."child_measure"("id") NOCHECK;
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_212D" FOREIGN KEY("to_assignment_id") REFERENCES "public"."assignment"("id") NOCHECK;
ALTER TABLE "public"."case_wait" ADD CONSTRAINT "public"."CONSTRAINT_2801" FOREIGN KEY("care_request_id") REFERENCES "public"."care_request"("id") NOCHECK;
ALTER TABLE "public"."access_log_person" ADD CONSTRAINT "public"."CONSTRAINT_D3" FOREIGN KEY("seq_no") REFERENCES "public"."access_log"("seq_no") NOCHECK;
ALTER TABLE "public"."family_experience" ADD CONSTRAINT "public"."CONSTRAINT_5A0D" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_event" ADD CONSTRAINT "public"."CONSTRAINT_D7" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."safe_address_version" ADD CONSTRAINT "public"."CONSTRAINT_6C" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."parental_authority" ADD CONSTRAINT "public"."CONSTRAINT_516" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."care_request_deadline" ADD CONSTRAINT "public"."CONSTRAINT_11C1" FOREIGN KEY("request_id") REFERENCES "public"."care_request"("id") NOCHECK;
ALTER TABLE "public"."court_request" ADD CONSTRAINT "public"."CONSTRAINT_64" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."municipal_term" ADD CONSTRAINT "public"."CONSTRAINT_116" FOREIGN KEY("code") REFERENCES "public"."municipality"("code") NOCHECK;
ALTER TABLE "public"."maatwerk_request" ADD CONSTRAINT "public"."CONSTRAINT_A0A" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."child_measure" ADD CONSTRAINT "public"."CONSTRAINT_2CD" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."raad_investigation" ADD CONSTRAINT "public"."CONSTRAINT_B597" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."care_path_step" ADD CONSTRAINT "public"."CONSTRAINT_74" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."safe_address" ADD CONSTRAINT "public"."CONSTRAINT_FBD" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5A1" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F0" FOREIGN KEY("from_person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5A" FOREIGN KEY("household_id") REFERENCES "public"."household"("id") NOCHECK;
ALTER TABLE "public"."care_path_incident" ADD CONSTRAINT "public"."CONSTRAINT_504" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."triage_outcome" ADD CONSTRAINT "public"."CONSTRAINT_348" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."restricted_reader_added" ADD CONSTRAINT "public"."CONSTRAINT_61" FOREIGN KEY("entry_id") REFERENCES "public"."case_entry"("id") NOCHECK;
ALTER TABLE "public"."child_measure" ADD CONSTRAINT "public"."CONSTRAINT_2CD8" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
DROP TABLE "public"."proeftuin_schema_image_loading";
