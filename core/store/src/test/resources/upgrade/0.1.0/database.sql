-- H2 2.3.232; 
SET RETENTION_TIME 0;          
SET WRITE_DELAY 0;             
;              
CREATE USER IF NOT EXISTS "SA" SALT '070c23800202c3f6' HASH '0da72bbdd3d080d25d3d953de1616fda3c690f577cf97bdb89cd5fe2ce7029d9' ADMIN;          
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
-- 15 +/- SELECT COUNT(*) FROM public.flyway_schema_history;   
INSERT INTO "public"."flyway_schema_history" VALUES
(-1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, 'sa', TIMESTAMP '2026-12-04 21:57:38.231686', 0, TRUE),
(1, '1', 'platform', 'SQL', 'V1__platform.sql', 2016143938, 'sa', TIMESTAMP '2026-12-04 21:57:38.261131', 3, TRUE),
(2, '2', 'family case plan', 'SQL', 'V2__family_case_plan.sql', -807172101, 'sa', TIMESTAMP '2026-12-04 21:57:38.38773', 93, TRUE),
(3, '3', 'plugin runtime', 'SQL', 'V3__plugin_runtime.sql', -570890388, 'sa', TIMESTAMP '2026-12-04 21:57:38.427309', 29, TRUE),
(4, '4', 'protected national id', 'SQL', 'V4__protected_national_id.sql', 321648868, 'sa', TIMESTAMP '2026-12-04 21:57:38.520407', 87, TRUE),
(5, '5', 'care path local team procurement', 'SQL', 'V5__care_path_local_team_procurement.sql', -272907187, 'sa', TIMESTAMP '2026-12-04 21:57:38.553778', 24, TRUE),
(6, '6', 'access log', 'SQL', 'V6__access_log.sql', 1257928474, 'sa', TIMESTAMP '2026-12-04 21:57:38.565313', 5, TRUE),
(7, '7', 'sessions', 'SQL', 'V7__sessions.sql', -140486699, 'sa', TIMESTAMP '2026-12-04 21:57:38.580143', 6, TRUE),
(8, '8', 'privacy', 'SQL', 'V8__privacy.sql', -1204414745, 'sa', TIMESTAMP '2026-12-04 21:57:38.611887', 17, TRUE),
(9, '9', 'restricted data owners', 'SQL', 'V9__restricted_data_owners.sql', -875005814, 'sa', TIMESTAMP '2026-12-04 21:57:38.634555', 18, TRUE),
(10, '10', 'access log mac', 'SQL', 'V10__access_log_mac.sql', 1889678221, 'sa', TIMESTAMP '2026-12-04 21:57:38.657802', 17, TRUE),
(11, '11', 'municipality register', 'SQL', 'V11__municipality_register.sql', 1036633634, 'sa', TIMESTAMP '2026-12-04 21:57:38.66885', 6, TRUE),
(12, '12', 'node heartbeat', 'SQL', 'V12__node_heartbeat.sql', -1748519218, 'sa', TIMESTAMP '2026-12-04 21:57:38.673636', 2, TRUE),
(13, '14', 'login known client', 'SQL', 'V14__login_known_client.sql', -1255011355, 'sa', TIMESTAMP '2026-12-04 21:57:38.680255', 2, TRUE),
(14, '15', 'typed case events', 'SQL', 'V15__typed_case_events.sql', -1122609071, 'sa', TIMESTAMP '2026-12-04 21:57:38.695051', 11, TRUE);             
CREATE INDEX "public"."flyway_schema_history_s_idx" ON "public"."flyway_schema_history"("success" NULLS LAST); 
CREATE CACHED TABLE "public"."platform_setting"(
    "setting_name" CHARACTER VARYING(100) NOT NULL,
    "setting_value" CHARACTER VARYING(1000) NOT NULL
);   
ALTER TABLE "public"."platform_setting" ADD CONSTRAINT "public"."CONSTRAINT_C" PRIMARY KEY("setting_name");    
-- 1 +/- SELECT COUNT(*) FROM public.platform_setting;         
INSERT INTO "public"."platform_setting" VALUES
('schema.created', '2026-12-04 21:57:38.256502+00');            
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
-- 4 +/- SELECT COUNT(*) FROM public.person;   
INSERT INTO "public"."person" VALUES
('78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', 'Samira', 'Bakker', 'samira', 'bakker', DATE '1988-04-02', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.343+00', 'beheer', '3ecaec987f57527500a557019dfa435a8247f6b9907e13ceae627e949a89135d', 'nAn2NPeOZ6y9L7TDs8DkZjMd5HnqgJf97EVVS2FntRH3nsrRGg==', '333'),
('57984067-d36b-4f5f-9987-4eab85fff99f', 'Noor', 'Bakker', 'noor', 'bakker', DATE '2014-09-12', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.474+00', 'beheer', '81827f6eeb465969a056c7502b785428b8d698bb4bdf57475735113d56208792', 'oF+94v4Z0jljHjlBsQ+qPNQguB0oxUadxTR4nxMXoOU8WMNaFg==', '782'),
('c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'Kevin', 'Jansen', 'kevin', 'jansen', DATE '1985-11-20', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.603+00', 'beheer', NULL, NULL, NULL),
('efc501c0-040e-4355-80c2-2c0b8f39599f', 'Lotte', 'Visser', 'lotte', 'visser', DATE '2012-05-05', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.689+00', 'beheer', NULL, NULL, NULL); 
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 3) NOT NULL
);    
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F" PRIMARY KEY("id");  
-- 2 +/- SELECT COUNT(*) FROM public.relationship;             
INSERT INTO "public"."relationship" VALUES
('19cbf94c-2b30-4e2f-9f5a-7a57de23c8be', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', '57984067-d36b-4f5f-9987-4eab85fff99f', 'PARENT_OF', DATE '2014-09-12', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.782+00', 'beheer', 1),
('5261ae91-b39a-4c29-9013-62119d3fbd10', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'EX_PARTNER_OF', NULL, DATE '2023-06-01', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.801+00', 'beheer', 2);             
CREATE INDEX "public"."relationship_from_ix" ON "public"."relationship"("from_person_id" NULLS LAST);          
CREATE INDEX "public"."relationship_to_ix" ON "public"."relationship"("to_person_id" NULLS LAST);              
CREATE CACHED TABLE "public"."household"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "address" CHARACTER VARYING(200) NOT NULL,
    "postal_code" CHARACTER VARYING(7),
    "municipality" CHARACTER VARYING(200) NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL
);          
ALTER TABLE "public"."household" ADD CONSTRAINT "public"."CONSTRAINT_3" PRIMARY KEY("id");     
-- 1 +/- SELECT COUNT(*) FROM public.household;
INSERT INTO "public"."household" VALUES
('2ea385ab-8115-44e1-84f6-d4f3a22deedb', 'Steenstraat 12', '6828 CH', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.828+00', 'beheer');      
CREATE CACHED TABLE "public"."household_membership"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "household_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "since_date" DATE NOT NULL,
    "until_date" DATE,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 2) NOT NULL
);          
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5" PRIMARY KEY("id");          
-- 1 +/- SELECT COUNT(*) FROM public.household_membership;     
INSERT INTO "public"."household_membership" VALUES
('43867899-fa91-4eda-8d8e-3412647d67b1', '2ea385ab-8115-44e1-84f6-d4f3a22deedb', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', DATE '2020-01-01', NULL, 1);       
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
-- 2 +/- SELECT COUNT(*) FROM public.family_case;              
INSERT INTO "public"."family_case" VALUES
('b0b7c685-4248-4405-aed6-e17d371d7490', 5, 'Arnhem', 'OPEN', NULL, 'SIGNAL', 'POLICE', 'Politie meldt huiselijk geweld, kinderen waren thuis.', DATE '2026-12-04', 'ACUTE_SAFETY', 'VOLUNTARY', NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.932+00', 'beheer'),
('dc2a212c-3ec8-45a2-a0fd-1a8678732399', 2, 'Ede', 'OPEN', NULL, 'REQUEST_FOR_HELP', 'FAMILY', 'Moeder vraagt hulp bij schulden en opvoeding.', DATE '2026-12-04', 'ACUTE_SAFETY', 'VOLUNTARY', NULL, NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.332+00', 'beheer');             
CREATE INDEX "public"."family_case_municipality_ix" ON "public"."family_case"("municipality" NULLS LAST);      
CREATE INDEX "public"."family_case_status_ix" ON "public"."family_case"("status" NULLS LAST);  
CREATE INDEX "public"."family_case_phase_ix" ON "public"."family_case"("phase" NULLS LAST);    
CREATE INDEX "public"."family_case_opened_at_ix" ON "public"."family_case"("opened_at" NULLS LAST);            
CREATE CACHED TABLE "public"."case_member"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "seq_no" INTEGER NOT NULL
);     
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1C0" PRIMARY KEY("case_id", "person_id");               
-- 4 +/- SELECT COUNT(*) FROM public.case_member;              
INSERT INTO "public"."case_member" VALUES
('b0b7c685-4248-4405-aed6-e17d371d7490', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', 0),
('b0b7c685-4248-4405-aed6-e17d371d7490', '57984067-d36b-4f5f-9987-4eab85fff99f', 1),
('b0b7c685-4248-4405-aed6-e17d371d7490', 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 2),
('dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'efc501c0-040e-4355-80c2-2c0b8f39599f', 0);  
CREATE INDEX "public"."case_member_person_ix" ON "public"."case_member"("person_id" NULLS LAST);               
CREATE CACHED TABLE "public"."case_member_role"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "person_id" CHARACTER VARYING(36) NOT NULL,
    "family_role" CHARACTER VARYING(40) NOT NULL
);             
ALTER TABLE "public"."case_member_role" ADD CONSTRAINT "public"."CONSTRAINT_54" PRIMARY KEY("case_id", "person_id", "family_role");            
-- 7 +/- SELECT COUNT(*) FROM public.case_member_role;         
INSERT INTO "public"."case_member_role" VALUES
('b0b7c685-4248-4405-aed6-e17d371d7490', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', 'VICTIM'),
('b0b7c685-4248-4405-aed6-e17d371d7490', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', 'PARENT'),
('b0b7c685-4248-4405-aed6-e17d371d7490', '57984067-d36b-4f5f-9987-4eab85fff99f', 'WITNESS'),
('b0b7c685-4248-4405-aed6-e17d371d7490', '57984067-d36b-4f5f-9987-4eab85fff99f', 'CHILD'),
('b0b7c685-4248-4405-aed6-e17d371d7490', 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'PARENT'),
('b0b7c685-4248-4405-aed6-e17d371d7490', 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'PERPETRATOR'),
('dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'efc501c0-040e-4355-80c2-2c0b8f39599f', 'CHILD');         
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 4) NOT NULL
);               
ALTER TABLE "public"."assignment" ADD CONSTRAINT "public"."CONSTRAINT_3D" PRIMARY KEY("id");   
-- 3 +/- SELECT COUNT(*) FROM public.assignment;               
INSERT INTO "public"."assignment" VALUES
('03a78eec-8674-44bd-b975-8bb960020705', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'beheer', 'Regio Beheer', 'Wijkteam Arnhem-Oost', 'FIXED_PROFESSIONAL', TRUE, DATE '2026-12-04', NULL, NULL, 1),
('44cd39a5-432c-41ea-8355-0f5c33204f29', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'rob.rvt', 'Rob Smit', 'RVT Gelderland-Midden', 'RVT_PROFESSIONAL', FALSE, DATE '2026-12-04', NULL, NULL, 2),
('b7d76d69-17ce-44ee-9172-66e7bd9e4863', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'beheer', 'Regio Beheer', 'Ede', 'FIXED_PROFESSIONAL', TRUE, DATE '2026-12-04', NULL, NULL, 3);     
CREATE INDEX "public"."assignment_case_ix" ON "public"."assignment"("case_id" NULLS LAST);     
CREATE INDEX "public"."assignment_professional_ix" ON "public"."assignment"("case_id" NULLS LAST, "professional_id" NULLS LAST);               
CREATE CACHED TABLE "public"."handover"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "team_position" CHARACTER VARYING(40) NOT NULL,
    "from_assignment_id" CHARACTER VARYING(36),
    "to_assignment_id" CHARACTER VARYING(36) NOT NULL,
    "note" CHARACTER VARYING(10000) NOT NULL,
    "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
);
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_2" PRIMARY KEY("id");      
-- 0 +/- SELECT COUNT(*) FROM public.handover; 
CREATE INDEX "public"."handover_case_ix" ON "public"."handover"("case_id" NULLS LAST);         
CREATE CACHED TABLE "public"."plan_version"(
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "version_no" INTEGER NOT NULL,
    "content" CHARACTER VARYING NOT NULL,
    "note" CHARACTER VARYING(10000),
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "created_by" CHARACTER VARYING(200) NOT NULL
);           
ALTER TABLE "public"."plan_version" ADD CONSTRAINT "public"."CONSTRAINT_14F" PRIMARY KEY("case_id", "version_no");             
-- 2 +/- SELECT COUNT(*) FROM public.plan_version;             
INSERT INTO "public"."plan_version" VALUES
('b0b7c685-4248-4405-aed6-e17d371d7490', 1, '{"goals":[{"id":"g1","personId":"78a5f6c8-e68a-4630-a36d-6a3e207c0a5a","domain":"SAFETY","description":"Samira en de kinderen zijn veilig thuis."}],"actions":[{"id":"a1","goalId":"g1","description":"Traumabehandeling voor Noor","who":"GGZ Gelderland","start":null,"end":null}],"agreements":[{"id":"s1","description":"Kevin komt niet naar het huis.","who":"Kevin"}],"conditions":[{"id":"c1","description":"Kevin volgt een agressieregulatietraining.","consequence":"Als dit niet lukt, vragen we de Raad om onderzoek.","deadline":null}],"familyView":"We willen rust in huis."}', 'Eerste plan', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.09+00', 'beheer'),
('b0b7c685-4248-4405-aed6-e17d371d7490', 2, '{"goals":[{"id":"g1","personId":"78a5f6c8-e68a-4630-a36d-6a3e207c0a5a","domain":"SAFETY","description":"Samira en de kinderen zijn veilig thuis."}],"actions":[{"id":"a1","goalId":"g1","description":"Traumabehandeling voor Noor","who":"GGZ Gelderland","start":null,"end":null}],"agreements":[{"id":"s1","description":"Kevin komt niet naar het huis.","who":"Kevin"}],"conditions":[{"id":"c1","description":"Kevin volgt een agressieregulatietraining.","consequence":"Als dit niet lukt, vragen we de Raad om onderzoek.","deadline":null}],"familyView":"We willen rust in huis."}', 'Na evaluatie', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.21+00', 'beheer');          
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
-- 1 +/- SELECT COUNT(*) FROM public.case_entry_person;        
INSERT INTO "public"."case_entry_person" VALUES
('6e44abb1-0181-4e7d-a3bb-ff372b0aadb4', '57984067-d36b-4f5f-9987-4eab85fff99f', 0);           
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
);    
ALTER TABLE "public"."review" ADD CONSTRAINT "public"."CONSTRAINT_C8" PRIMARY KEY("id");       
-- 0 +/- SELECT COUNT(*) FROM public.review;   
CREATE INDEX "public"."review_case_ix" ON "public"."review"("case_id" NULLS LAST);             
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 2) NOT NULL
);              
ALTER TABLE "public"."evaluation" ADD CONSTRAINT "public"."CONSTRAINT_33" PRIMARY KEY("id");   
-- 1 +/- SELECT COUNT(*) FROM public.evaluation;               
INSERT INTO "public"."evaluation" VALUES
('87c4136e-e933-45b0-9188-0c8078a81b05', 'b0b7c685-4248-4405-aed6-e17d371d7490', 1, DATE '2026-12-04', 'Afspraken worden nagekomen.', 'Het gaat beter.', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.187+00', 'beheer', 1);         
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
(1, 5);      
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
-- 5 +/- SELECT COUNT(*) FROM public.plugin_binding;           
INSERT INTO "public"."plugin_binding" VALUES
('PROCUREMENT', '*', 'procurement-contracts', '{"maatwerk.decisionDays":"56","offers.includeFull":"true","register.location":"bundle:example.json","register.refreshSeconds":"300"}', 'b6359e4d93b33973c12992db67710cbd2069810fd24a6d66990b5ce1127fc76a', 1, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.726+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): example contract register'),
('CARE_PATH', '*', 'carepath-mdaplusplus', '{"casusregie.required":"true","coreTeam":"Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige","entry.minProblemDomains":"2","entry.minSafetyConcern":"SERIOUS","entry.requireEarlierHelpWithoutResult":"true","entry.requireRepeatedViolence":"true","incidents.escalateAfter":"1","incidents.returnTo":"ACUTE_SAFETY"}', '39f17bcacaebe35ff51c0db3746c19d8df5bc2f1cb6a4674495e25e80911eaa3', 2, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.835+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): MDA++ from the Zorg- en Veiligheidshuis'),
('TRIAGE', '*', 'triage-threeway', '{"complex.minProblemDomains":"3","complex.onParentalProblems":"ADDICTION,PSYCHIATRY","complex.onSafetyConcern":"SERIOUS","multiComplex.minProblemDomains":"5","multiComplex.onEarlierHelpWithoutResult":"true","multiComplex.onRepeatedViolence":"true","multiComplex.onSafetyConcern":"OFF"}', 'e77d1f0360877e17b49af7e4254f16c3f87082fd0d742328b2de608e17d64f02', 3, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.84+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): three-way triage of the national consultation'),
('TRIAGE', 'Arnhem', 'triage-veiligheidshuis', '{"onDisagreement":"escalate"}', 'ed19f791322d60f283c45b428ab9a435c26c0de3bdbd8e6b6a5e84012acddb75', 4, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.842+00', 'feature-default', 'Municipality default (feature proeftuin-region-centraal-gelderland): joint local triage of the Zorg- en Veiligheidshuis'),
('TRIAGE', 'Ede', 'triage-threeway', '{}', '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', 5, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.457+00', 'beheer', 'Ede volgt de regionale drieslag (fixture)');
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
-- 5 +/- SELECT COUNT(*) FROM public.plugin_binding_change;    
INSERT INTO "public"."plugin_binding_change" VALUES
(1, 'PROCUREMENT', '*', NULL, NULL, 'procurement-contracts', '{"maatwerk.decisionDays":"56","offers.includeFull":"true","register.location":"bundle:example.json","register.refreshSeconds":"300"}', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.726+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): example contract register'),
(2, 'CARE_PATH', '*', NULL, NULL, 'carepath-mdaplusplus', '{"casusregie.required":"true","coreTeam":"Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige","entry.minProblemDomains":"2","entry.minSafetyConcern":"SERIOUS","entry.requireEarlierHelpWithoutResult":"true","entry.requireRepeatedViolence":"true","incidents.escalateAfter":"1","incidents.returnTo":"ACUTE_SAFETY"}', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.835+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): MDA++ from the Zorg- en Veiligheidshuis'),
(3, 'TRIAGE', '*', NULL, NULL, 'triage-threeway', '{"complex.minProblemDomains":"3","complex.onParentalProblems":"ADDICTION,PSYCHIATRY","complex.onSafetyConcern":"SERIOUS","multiComplex.minProblemDomains":"5","multiComplex.onEarlierHelpWithoutResult":"true","multiComplex.onRepeatedViolence":"true","multiComplex.onSafetyConcern":"OFF"}', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.84+00', 'feature-default', 'Region default (feature proeftuin-region-centraal-gelderland): three-way triage of the national consultation'),
(4, 'TRIAGE', 'Arnhem', NULL, NULL, 'triage-veiligheidshuis', '{"onDisagreement":"escalate"}', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.842+00', 'feature-default', 'Municipality default (feature proeftuin-region-centraal-gelderland): joint local triage of the Zorg- en Veiligheidshuis'),
(5, 'TRIAGE', 'Ede', NULL, NULL, 'triage-threeway', '{}', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.457+00', 'beheer', 'Ede volgt de regionale drieslag (fixture)'); 
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 3) NOT NULL
);         
ALTER TABLE "public"."triage_outcome" ADD CONSTRAINT "public"."CONSTRAINT_34" PRIMARY KEY("id");               
-- 2 +/- SELECT COUNT(*) FROM public.triage_outcome;           
INSERT INTO "public"."triage_outcome" VALUES
('80fb5f04-cb56-43b2-8660-da55f7018381', 'b0b7c685-4248-4405-aed6-e17d371d7490', '80fb5f04-cb56-43b2-8660-da55f7018381', '{"earlierHelpWithoutResult":false,"parentalProblems":[],"problemDomains":["SAFETY","PARENTING"],"repeatedViolence":true,"safetyConcern":"SERIOUS"}', '{"classification":"PENDING","expertise":[],"pending":true,"rationale":"Joint local triage of the Zorg- en Veiligheidshuis waits for both assessments: the municipal safety director (SAFETY_DIRECTOR) and the Veiligheidshuis process director (PROCESS_DIRECTOR) have not assessed yet.","route":"MANUAL_TRIAGE"}', TRUE, 'PENDING', 'MANUAL_TRIAGE', 'triage-veiligheidshuis', 'nl.proeftuin.plugins.triage.veiligheidshuis', '0.1.0.SNAPSHOT', 'ed19f791322d60f283c45b428ab9a435c26c0de3bdbd8e6b6a5e84012acddb75', 4, 'cec709f5ad1f1655ee97a9f16fb11e4906e094e20cf7b7820952cb402560ea44', '7adbaa98e821bd8142961d4eea5d320f23a98f75c97c412db801bdbff85da06f', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.269+00', FALSE, NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.271+00', 'beheer', 1),
('f79cde3b-5ecd-42f0-ab65-cddfe6af046a', 'b0b7c685-4248-4405-aed6-e17d371d7490', '80fb5f04-cb56-43b2-8660-da55f7018381', '{"earlierHelpWithoutResult":false,"parentalProblems":[],"problemDomains":["SAFETY","PARENTING"],"repeatedViolence":true,"safetyConcern":"SERIOUS"}', '{"classification":"PENDING","expertise":[],"pending":true,"rationale":"Joint local triage of the Zorg- en Veiligheidshuis waits for both assessments: the municipal safety director (SAFETY_DIRECTOR) and the Veiligheidshuis process director (PROCESS_DIRECTOR) have not assessed yet. Ignored, because only the roles SAFETY_DIRECTOR and PROCESS_DIRECTOR count in this triage: the assessment by Regio Beheer (VEILIG_THUIS).","route":"MANUAL_TRIAGE"}', TRUE, 'PENDING', 'MANUAL_TRIAGE', 'triage-veiligheidshuis', 'nl.proeftuin.plugins.triage.veiligheidshuis', '0.1.0.SNAPSHOT', 'ed19f791322d60f283c45b428ab9a435c26c0de3bdbd8e6b6a5e84012acddb75', 4, 'b562d65ec2cabe80b1329cd0c99b8c2a965bc09fe36e489b1a530fc3fff8e21a', '715b839c1a8ee68737ba996fccaf2f46ed7a53658b13cb93b366bd002f8d2fef', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.31+00', FALSE, NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.312+00', 'beheer', 2);      
CREATE INDEX "public"."triage_outcome_case_ix" ON "public"."triage_outcome"("case_id" NULLS LAST, "seq_no" NULLS LAST);        
CREATE INDEX "public"."triage_outcome_pending_ix" ON "public"."triage_outcome"("pending" NULLS LAST);          
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 2) NOT NULL
);     
ALTER TABLE "public"."triage_assessment" ADD CONSTRAINT "public"."CONSTRAINT_2E" PRIMARY KEY("id");            
-- 1 +/- SELECT COUNT(*) FROM public.triage_assessment;        
INSERT INTO "public"."triage_assessment" VALUES
('ad6ede70-6ea6-4369-baa8-698df256fe7b', 'b0b7c685-4248-4405-aed6-e17d371d7490', '80fb5f04-cb56-43b2-8660-da55f7018381', 'beheer', 'Regio Beheer', 'VEILIG_THUIS', 'VEILIGHEIDSHUIS_TABLE', 'Herhaald geweld: naar de tafel.', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.305+00', 1);      
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 8) NOT NULL
);       
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."CONSTRAINT_4B" PRIMARY KEY("id");            
-- 7 +/- SELECT COUNT(*) FROM public.local_team_outbox;        
INSERT INTO "public"."local_team_outbox" VALUES
('b34d029a-1d5a-4eaa-9f81-681ab15401f8', 'proeftuin-e69df8c5-0837-40bc-9060-d23bf3d5fe29', 'CASE_OPENED', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.935+00', '{"caseEventId":"e69df8c5-0837-40bc-9060-d23bf3d5fe29","caseEventType":"CASE_OPENED","detail":"opened from SIGNAL by POLICE received 2026-12-04, municipality Arnhem, 3 member(s)"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.935+00', NULL, NULL, NULL, NULL, FALSE, 1),
('a61b907d-c361-4181-a3b1-150a368869a7', 'proeftuin-eb133133-1786-4d37-8edc-b5e33d7969e3', 'TEAM_CHANGED', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.05+00', '{"caseEventId":"eb133133-1786-4d37-8edc-b5e33d7969e3","caseEventType":"ASSIGNED","detail":"Regio Beheer (Wijkteam Arnhem-Oost) as FIXED_PROFESSIONAL with casusregie"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.05+00', NULL, NULL, NULL, NULL, FALSE, 2),
('0f9ba079-3e53-4927-ade8-9b0f0453d149', 'proeftuin-87e1d668-a393-47a9-9073-b5686cfa9677', 'TEAM_CHANGED', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.064+00', '{"caseEventId":"87e1d668-a393-47a9-9073-b5686cfa9677","caseEventType":"ASSIGNED","detail":"Rob Smit (RVT Gelderland-Midden) as RVT_PROFESSIONAL"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.064+00', NULL, NULL, NULL, NULL, FALSE, 3),
('32cd25d0-e305-43af-a606-0c0ba5d9fdcd', 'proeftuin-05d4e41e-9076-4058-b803-88d823a80ab8', 'PLAN_VERSION', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.096+00', '{"caseEventId":"05d4e41e-9076-4058-b803-88d823a80ab8","caseEventType":"PLAN_VERSION_SAVED","detail":"plan version 1 saved"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.096+00', NULL, NULL, NULL, NULL, FALSE, 4),
('13a5084d-ec66-445a-9707-e56289f7c580', 'proeftuin-529b27e8-90cc-4e36-b1fa-52f8a7efd6b4', 'PLAN_VERSION', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'Arnhem', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.211+00', '{"caseEventId":"529b27e8-90cc-4e36-b1fa-52f8a7efd6b4","caseEventType":"PLAN_VERSION_SAVED","detail":"plan version 2 saved"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.211+00', NULL, NULL, NULL, NULL, FALSE, 5),
('62922b43-997a-4a7b-97d6-dc503a7d2caf', 'proeftuin-7e579fa8-dcf4-400f-8d46-7d7dfd8b3b78', 'CASE_OPENED', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'Ede', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.333+00', '{"caseEventId":"7e579fa8-dcf4-400f-8d46-7d7dfd8b3b78","caseEventType":"CASE_OPENED","detail":"opened from REQUEST_FOR_HELP by FAMILY received 2026-12-04, municipality Ede, 1 member(s)"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.333+00', NULL, NULL, NULL, NULL, FALSE, 6),
('637cc920-dcd9-46b7-b349-20bbca4d818f', 'proeftuin-c3e4cfba-0ba8-4892-b227-5c1a296bbd3d', 'TEAM_CHANGED', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'Ede', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.421+00', '{"caseEventId":"c3e4cfba-0ba8-4892-b227-5c1a296bbd3d","caseEventType":"ASSIGNED","detail":"Regio Beheer (Ede) as FIXED_PROFESSIONAL with casusregie"}', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.421+00', NULL, NULL, NULL, NULL, FALSE, 7);             
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
-- 11 +/- SELECT COUNT(*) FROM public.municipality;            
INSERT INTO "public"."municipality" VALUES
('GM0274', 'Renkum', 'renkum', 31900, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.854+00', 'feature-default'),
('GM0275', 'Rheden', 'rheden', 44000, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.859+00', 'feature-default'),
('GM0299', 'Zevenaar', 'zevenaar', 45000, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.862+00', 'feature-default'),
('GM1705', 'Lingewaard', 'lingewaard', 48500, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.864+00', 'feature-default'),
('GM1734', 'Overbetuwe', 'overbetuwe', 50500, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.866+00', 'feature-default'),
('GM0228', 'Ede', 'ede', 123000, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.868+00', 'feature-default'),
('GM0226', 'Duiven', 'duiven', 26000, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.871+00', 'feature-default'),
('GM0277', 'Rozendaal', 'rozendaal', 1700, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.872+00', 'feature-default'),
('GM0293', 'Westervoort', 'westervoort', 15300, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.874+00', 'feature-default'),
('GM0202', 'Arnhem', 'arnhem', 166000, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.876+00', 'feature-default'),
('GM0221', 'Doesburg', 'doesburg', 11600, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:38.879+00', 'feature-default');       
CREATE CACHED TABLE "public"."access_log_head"(
    "head_id" INTEGER NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" CHARACTER VARYING(64) NOT NULL,
    "legacy_seq" BIGINT
);     
ALTER TABLE "public"."access_log_head" ADD CONSTRAINT "public"."CONSTRAINT_C7" PRIMARY KEY("head_id");         
-- 1 +/- SELECT COUNT(*) FROM public.access_log_head;          
INSERT INTO "public"."access_log_head" VALUES
(1, 27, 'ac68333f207f2e12c982703d34f155ebb3aecde77742d9ba85d485a8743ce59d', 0);  
CREATE CACHED TABLE "public"."node_heartbeat"(
    "heartbeat_id" INTEGER NOT NULL,
    "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "node" CHARACTER VARYING(200)
);      
ALTER TABLE "public"."node_heartbeat" ADD CONSTRAINT "public"."CONSTRAINT_EA" PRIMARY KEY("heartbeat_id");     
-- 1 +/- SELECT COUNT(*) FROM public.node_heartbeat;           
INSERT INTO "public"."node_heartbeat" VALUES
(1, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:39.577551+00', NULL);              
CREATE CACHED TABLE "public"."access_log_person"(
    "seq_no" BIGINT NOT NULL,
    "person_id" CHARACTER VARYING(200) NOT NULL
);             
ALTER TABLE "public"."access_log_person" ADD CONSTRAINT "public"."CONSTRAINT_D3C" PRIMARY KEY("seq_no", "person_id");          
-- 37 +/- SELECT COUNT(*) FROM public.access_log_person;       
INSERT INTO "public"."access_log_person" VALUES
(4, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(5, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(6, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(7, 'efc501c0-040e-4355-80c2-2c0b8f39599f'),
(12, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(12, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(12, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(13, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(13, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(13, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(14, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(14, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(14, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(15, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(15, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(15, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(16, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(16, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(16, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(17, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(17, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(17, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(18, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(18, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(18, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(19, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(19, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(19, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(20, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(20, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(20, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(21, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a'),
(21, '57984067-d36b-4f5f-9987-4eab85fff99f'),
(21, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b'),
(22, 'efc501c0-040e-4355-80c2-2c0b8f39599f'),
(23, 'efc501c0-040e-4355-80c2-2c0b8f39599f'),
(24, 'efc501c0-040e-4355-80c2-2c0b8f39599f');              
CREATE INDEX "public"."access_log_person_ix" ON "public"."access_log_person"("person_id" NULLS LAST);          
CREATE CACHED TABLE "public"."user_account"(
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "display_name" CHARACTER VARYING(200) NOT NULL,
    "organisation" CHARACTER VARYING(200),
    "disabled" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL
);          
ALTER TABLE "public"."user_account" ADD CONSTRAINT "public"."CONSTRAINT_14C" PRIMARY KEY("user_id");           
-- 2 +/- SELECT COUNT(*) FROM public.user_account;             
INSERT INTO "public"."user_account" VALUES
('beheer', 'Regio Beheer', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:39.178567+00', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:39.18258+00'),
('anna', 'Anna de Vries', 'Wijkteam Arnhem-Oost', FALSE, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.798631+00', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.798631+00');           
CREATE CACHED TABLE "public"."user_municipality"(
    "user_id" CHARACTER VARYING(200) NOT NULL,
    "municipality" CHARACTER VARYING(200) NOT NULL
);         
ALTER TABLE "public"."user_municipality" ADD CONSTRAINT "public"."CONSTRAINT_7B1" PRIMARY KEY("user_id", "municipality");      
-- 2 +/- SELECT COUNT(*) FROM public.user_municipality;        
INSERT INTO "public"."user_municipality" VALUES
('beheer', '*'),
('anna', 'Arnhem');           
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
-- 1 +/- SELECT COUNT(*) FROM public.user_session;             
INSERT INTO "public"."user_session" VALUES
('76a6b87046aaf1056ae38aaea147e4a5313e55fb32053811016975d99d9be4d4', 'beheer', 'AUDITOR,COORDINATOR,PROFESSIONAL,REGIONAL_ADMINISTRATOR', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.2309+00', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.2309+00', TIMESTAMP WITH TIME ZONE '2026-12-05 05:57:40.2309+00', '127.0.0.1');     
CREATE INDEX "public"."user_session_user_ix" ON "public"."user_session"("user_id" NULLS LAST); 
CREATE CACHED TABLE "public"."login_throttle"(
    "username_key" CHARACTER VARYING(64) NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "locked_until" TIMESTAMP WITH TIME ZONE
);     
ALTER TABLE "public"."login_throttle" ADD CONSTRAINT "public"."CONSTRAINT_340" PRIMARY KEY("username_key");    
-- 1 +/- SELECT COUNT(*) FROM public.login_throttle;           
INSERT INTO "public"."login_throttle" VALUES
('e3d8e1d9e7083edfa293b8467e720bb93fabee632d9f98488fe1093825f7db13', 0, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:39.668+00', NULL);             
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 4) NOT NULL,
    "restricted_to" CHARACTER VARYING(2000)
);               
ALTER TABLE "public"."case_entry" ADD CONSTRAINT "public"."CONSTRAINT_D73" PRIMARY KEY("id");  
-- 3 +/- SELECT COUNT(*) FROM public.case_entry;               
INSERT INTO "public"."case_entry" VALUES
('6e44abb1-0181-4e7d-a3bb-ff372b0aadb4', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'FACT', 'Huisbezoek: Noor slaapt weer in haar eigen kamer.', 'huisbezoek', 'beheer', 'Regio Beheer', 'FIXED_PROFESSIONAL', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.135+00', 1, NULL),
('823d8fbf-6990-46b8-9e56-f512e704d7c3', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'OPINION', 'Moeder lijkt rustiger dan vorige week.', 'wijkteam', 'beheer', 'Regio Beheer', 'FIXED_PROFESSIONAL', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.166+00', 2, NULL),
('97f0bca4-da51-4d94-a5b3-a5f87153b989', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'FACT', 'Schuldhulp is aangevraagd.', 'gemeente Ede', 'beheer', 'Regio Beheer', 'FIXED_PROFESSIONAL', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.436+00', 3, NULL);               
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1) NOT NULL
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
-- 27 +/- SELECT COUNT(*) FROM public.access_log;              
INSERT INTO "public"."access_log" VALUES
(1, 'f9688133-c2c6-4794-b35a-f72970553afc', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:39.188+00', 'vm', 'PERMISSION_CHANGE', 'SUCCESS', 'proeftuin-admin', 'proeftuin-admin', 'shell', NULL, NULL, NULL, '', NULL, 'account', 'beheer', NULL, 'bin/proeftuin-admin create-administrator beheer --municipalities * (applied from etc/proeftuin-pending-accounts.properties)', FALSE, '0000000000000000000000000000000000000000000000000000000000000000', '253cc4b2399662355473dae2c6c528569673421f40bdb05f578bcf426e606b58', 'c1984ee4865ddf0cf343e7c18c1ad055b55ea3a45553083fd576c05739f6211b'),
(2, '211f7f00-4390-4365-9309-283019c003cd', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.239+00', 'vm', 'LOGIN', 'SUCCESS', 'beheer', 'Regio Beheer', NULL, NULL, NULL, NULL, '', NULL, 'session', NULL, '5e1e5581-5067-4ba6-8acf-b018f8f12296', 'login from 127.0.0.1', FALSE, '253cc4b2399662355473dae2c6c528569673421f40bdb05f578bcf426e606b58', '117f3ebc22c0c0bcd5704c58f8608e0080b3673f48f3a272db2ff6df3e9bb797', 'b15a707b006dcffca14d6c96615a59e2f1644f115598fa1b8590af37b0e02967'),
(3, 'be6913a3-4e79-4c4a-a374-751e1d446f7c', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.286+00', 'vm', 'READ', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '', NULL, 'municipalities', NULL, 'c3a383c8-bec4-4052-94c6-e87cad418917', 'GET /municipalities -> 200', FALSE, '117f3ebc22c0c0bcd5704c58f8608e0080b3673f48f3a272db2ff6df3e9bb797', '1642de67d860d4abc8b69c1977b17f774c908d4c5f5994262c6bfaf78d6347da', '9fc6499a9c524d5952b3308859614ef6515a2054b01b9b5758566da2f61f87ab'),
(4, '73a2653d-7816-454e-a559-9651e3283d44', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.352+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', NULL, 'person', '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', '04a92549-7059-45a7-85bc-2d988e2371cf', 'POST /persons -> 201 created /api/v1/persons/78a5f6c8-e68a-4630-a36d-6a3e207c0a5a', FALSE, '1642de67d860d4abc8b69c1977b17f774c908d4c5f5994262c6bfaf78d6347da', '9ceb3817bd9063a2fad50f92c83d14b197b57530a66da59fe682a684250ad837', 'd2a8045681673aa36d01df30b750bd3f99867ea1f7b070833dcc52d2e199d054'),
(5, 'd8842c7b-1a70-4ef4-af27-5bca6c79a95f', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.481+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '57984067-d36b-4f5f-9987-4eab85fff99f', NULL, 'person', '57984067-d36b-4f5f-9987-4eab85fff99f', '92e200ed-3a0c-4609-b463-de014a9b249a', 'POST /persons -> 201 created /api/v1/persons/57984067-d36b-4f5f-9987-4eab85fff99f', FALSE, '9ceb3817bd9063a2fad50f92c83d14b197b57530a66da59fe682a684250ad837', '12c5e3db7c4dd3e8e5aaad796211964430419e5bca750cdfc0b585a3fe479f66', '6c88f3ddda323afa8534b333926756275294e2ee61b1ac59150796291635ce7f'),
(6, '2b73079c-6c67-4738-9daa-0a3a156e26b6', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.604+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', NULL, 'person', 'c11a4bb2-cb90-4ddb-a911-7dba4046d48b', '6fd95a1a-e8fd-4bea-9e47-4597c251c681', 'POST /persons -> 201 created /api/v1/persons/c11a4bb2-cb90-4ddb-a911-7dba4046d48b', FALSE, '12c5e3db7c4dd3e8e5aaad796211964430419e5bca750cdfc0b585a3fe479f66', '7517773087423287468400941721666a59cfe5b5ca5900fdaf3f1b78c0343ff0', '2820c6ff41a71d50bbbabd163a940229c78d8d479423991f824b39553960eaa2'),
(7, '6a41a2ea-8303-4b23-85fa-2a68e4534d1b', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.691+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, 'efc501c0-040e-4355-80c2-2c0b8f39599f', NULL, 'person', 'efc501c0-040e-4355-80c2-2c0b8f39599f', '064ee5cb-c590-43bb-bd81-68d33840fd74', 'POST /persons -> 201 created /api/v1/persons/efc501c0-040e-4355-80c2-2c0b8f39599f', FALSE, '7517773087423287468400941721666a59cfe5b5ca5900fdaf3f1b78c0343ff0', 'f56b77d03956e39320df2749a71420977135c726a35ac71a8e97322441d95b2e', 'f55cea12f4af2ed8872216ae5247498664b855ac59922d3f94a57ec6342df502'),
(8, '79d1349e-32c1-4659-9809-857a8eda8212', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.785+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '', NULL, 'relationships', NULL, '85a12150-2f89-4ecc-aa0b-841eb7f3b8b0', 'POST /relationships -> 201', FALSE, 'f56b77d03956e39320df2749a71420977135c726a35ac71a8e97322441d95b2e', 'c4ea95770c5f25f6baa99378f62a60406be018babdb207ce934f3de716f6770c', 'aa27b9061339997adbb091747689cd7074ec54b6e82e3db1623587e02f6a46e6');  
INSERT INTO "public"."access_log" VALUES
(9, '84ae6dd3-ee3e-4323-a693-89cf1855aa40', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.802+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '', NULL, 'relationships', NULL, '06f837f6-7668-4aec-9055-312dcecbdfe8', 'POST /relationships -> 201', FALSE, 'c4ea95770c5f25f6baa99378f62a60406be018babdb207ce934f3de716f6770c', '505a8da7fe6a37ffdc5b2c79d8db7167f39c7c8b7fc0867bba1588d9f22ab997', '86c8c18d2a7d8403a9d10bd4e4b44c68e5f464546fb4fca12c2e04f7a3eb049c'),
(10, '57d71051-0f07-4469-b2b8-658fa3461cdf', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.834+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '', NULL, 'households', '2ea385ab-8115-44e1-84f6-d4f3a22deedb', '58d127ca-19b3-4d93-bc1c-7a96c7c1d196', 'POST /households -> 201 created /api/v1/households/2ea385ab-8115-44e1-84f6-d4f3a22deedb', FALSE, '505a8da7fe6a37ffdc5b2c79d8db7167f39c7c8b7fc0867bba1588d9f22ab997', 'adce873b3ddb22406a13a11fc37cb5c837f688850da4352ae3f7ace335b6e951', '69100b335a8d16ad24c702f5b272747aa84b10694475d385fb030fdb14753768'),
(11, '61f99ddf-6e5c-4961-8c4c-807f221adfd4', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.91+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '', NULL, 'household', '2ea385ab-8115-44e1-84f6-d4f3a22deedb', 'ce9cd367-d03d-4aaa-ac31-c0d70d9e8e34', 'POST /households/{householdId}/members -> 200', FALSE, 'adce873b3ddb22406a13a11fc37cb5c837f688850da4352ae3f7ace335b6e951', '8074682e32e81a1cdef09c21fbff1372aff5d7d40bebfa0e4794cc81f22cfc1d', '27f2e5f8430a19827b98bc4a8fc9c8640c2a198d02cc7ac18a15737364afb73e'),
(12, 'bf45b9ff-b2f9-4a2d-9963-cbee5fae6611', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.954+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '8d728286-a5e5-4149-b18b-f83b833cdd3a', 'POST /cases -> 201 created /api/v1/cases/b0b7c685-4248-4405-aed6-e17d371d7490', FALSE, '8074682e32e81a1cdef09c21fbff1372aff5d7d40bebfa0e4794cc81f22cfc1d', 'd085bb46d1e7b8b152713d6fd0a9e618eadc885686a6cb05e609a1bbd479a875', '2e5ccc1442ca754acc1e10ea6421c3979dd502d07b6902aabf033c08394a7c03'),
(13, 'e6378e4e-a5f4-44f4-b5de-cf26fa01fcc6', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.053+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'b42c758a-0991-43ae-9f5a-b256364e6fa1', 'POST /cases/{caseId}/team -> 200', FALSE, 'd085bb46d1e7b8b152713d6fd0a9e618eadc885686a6cb05e609a1bbd479a875', '02ff462a993303c61300e56694efd657557536a5e7e06bd38ed45e7441c29a83', '3e7923f9823a576475024b11b6421246ab1267c9511d1bcc5025e6f43c1eb3e2'),
(14, 'bd013875-cc8b-49a3-9174-abd3c0957cbd', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.066+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '576ec615-8dd7-49a8-8d5d-5b80df5a3fac', 'POST /cases/{caseId}/team -> 200', FALSE, '02ff462a993303c61300e56694efd657557536a5e7e06bd38ed45e7441c29a83', 'd3da61846d82117ee7d361569aeb1c504b76ab5cec11b72f1f4aa38edfb465bd', '351b2017225b3b64ea76b3241b047ac13d94d4c1533846b509f078f3489d7ad8'),
(15, 'b59ac23e-de3d-4445-8846-307c33f455bc', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.116+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'a1090dfd-0ef7-4ccf-8561-f6e481c2f83d', 'POST /cases/{caseId}/plan -> 201 created /api/v1/cases/b0b7c685-4248-4405-aed6-e17d371d7490/plan/versions/1', FALSE, 'd3da61846d82117ee7d361569aeb1c504b76ab5cec11b72f1f4aa38edfb465bd', '5ca201df8a4a733417808cd35eb99c4c9797dfc81755b9c989ce44957659e2ed', '5a66b5d155e0a996bc7ad02b559840109d15b412e007876c5b921488b4529602');              
INSERT INTO "public"."access_log" VALUES
(16, 'd91e9e6c-cc6e-4076-8c00-061d651a2bf8', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.144+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '4e46746a-b819-47ef-a3b2-4225c4e45149', 'POST /cases/{caseId}/entries -> 201', FALSE, '5ca201df8a4a733417808cd35eb99c4c9797dfc81755b9c989ce44957659e2ed', '087793a735de8a0430d726fd8630dd4dab0bba33ddae0135dacbcbe44882ccd6', 'c7050613301bfeb8492b0ccc55d63a1cb0f48c82b218a831719760974abd9a5d'),
(17, 'bec283fe-c73a-4baa-9e69-7d792d67dbb7', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.171+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '5da61418-e83d-4cea-836a-c582193dfd00', 'POST /cases/{caseId}/entries -> 201', FALSE, '087793a735de8a0430d726fd8630dd4dab0bba33ddae0135dacbcbe44882ccd6', 'e6822a0c6fad9f5d20ef525dab0703102959a2f55997e4bd165eaba3af9a4e29', 'f360a396883ee0ec922791ff2bd69be5b4ddc6bd27ca02ed22293d65555d360b'),
(18, '4db9703c-447a-4ef0-81a2-f58ce9028dda', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.193+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '9ef6438c-8b8e-4085-9719-0ef0a38cfbb4', 'POST /cases/{caseId}/evaluations -> 201', FALSE, 'e6822a0c6fad9f5d20ef525dab0703102959a2f55997e4bd165eaba3af9a4e29', 'c755aa7e294d70695ba8ff6c9efff39e72f7189fce3296dba4c2b104059344f1', 'db42f34e3c59af1ff23c68e6bc0e353cd49c892b73df144890f319ec7224d1ee'),
(19, 'eb0b9f55-45ff-4972-92a0-d96e1914a5f2', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.214+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', '4c7f4c84-6cbd-4d2b-ae1a-7b81908f49fe', 'POST /cases/{caseId}/plan -> 201 created /api/v1/cases/b0b7c685-4248-4405-aed6-e17d371d7490/plan/versions/2', FALSE, 'c755aa7e294d70695ba8ff6c9efff39e72f7189fce3296dba4c2b104059344f1', '8941dce49f2c4b4de132c628a22f15cdb02626fb5f5f9b746a28c2b07b6acc5d', 'a8376d31d624095920b0b476d06ef92f1e78bf02d1f18b42cd0deb7576041aca'),
(20, 'f7146410-3ddc-431d-a3d0-decf951f88df', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.283+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'bfb08d8f-5fab-4c5d-b144-ffb530568316', 'POST /cases/{caseId}/triage -> 201', FALSE, '8941dce49f2c4b4de132c628a22f15cdb02626fb5f5f9b746a28c2b07b6acc5d', '048fe6da64bde36d944c99b4a3fdd5b149a107b89d39d79dfbfd9b1f80822182', '6e3152b419e165cf6e1b203f772d87480f32a7dec6b722afb6cf6200d9fbd185'),
(21, '972e5252-1032-45a1-8f3e-a97a394ad362', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.313+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, '78a5f6c8-e68a-4630-a36d-6a3e207c0a5a,57984067-d36b-4f5f-9987-4eab85fff99f,c11a4bb2-cb90-4ddb-a911-7dba4046d48b', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'case', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'feea05ee-f63d-4472-a058-a8063464b059', 'POST /cases/{caseId}/triage/assessments -> 201', FALSE, '048fe6da64bde36d944c99b4a3fdd5b149a107b89d39d79dfbfd9b1f80822182', 'f75893810f0ae8b13663bf4a88c46d6e1ec737381a2d8ea017786356c9e3d012', 'f2798de7366de465479807271a98e7b1e14e2adf45b1c8db0b26d1e2e4d66231'); 
INSERT INTO "public"."access_log" VALUES
(22, '61b59688-2b33-4503-96e5-52cd81e923f5', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.34+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, 'efc501c0-040e-4355-80c2-2c0b8f39599f', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'case', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'e5ea23d3-4ae1-4370-84c0-24348f00630a', 'POST /cases -> 201 created /api/v1/cases/dc2a212c-3ec8-45a2-a0fd-1a8678732399', FALSE, 'f75893810f0ae8b13663bf4a88c46d6e1ec737381a2d8ea017786356c9e3d012', 'bea4e012191a7d9aa6a37cdfcba01e78bac171bcc2ad45bea6ae3b6a78ccf556', '072518b35d8f29d7902c97bfe53cd27ddbf17e08491465621f4d51a80336e405'),
(23, 'bc81b0ad-7184-4d1a-bdd3-2b93f655ef26', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.424+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, 'efc501c0-040e-4355-80c2-2c0b8f39599f', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'case', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', '7bc69eab-a12b-4ba9-814b-be41f070a54c', 'POST /cases/{caseId}/team -> 200', FALSE, 'bea4e012191a7d9aa6a37cdfcba01e78bac171bcc2ad45bea6ae3b6a78ccf556', '63072a2436337d573946c6a1a4fee03af7175f305371695c7e35db638d54a2a7', 'df7c863dc06f37fb77eff8428e642adc845601cc467be898c6263bdac03aad58'),
(24, 'e774ea23-227c-4e97-8067-af747621334a', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.436+00', 'vm', 'CREATE', 'SUCCESS', 'beheer', 'Regio Beheer', 'PROFESSIONAL', NULL, NULL, NULL, 'efc501c0-040e-4355-80c2-2c0b8f39599f', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'case', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', '1fe03388-f503-49a7-9aa4-7217b95c5eb9', 'POST /cases/{caseId}/entries -> 201', FALSE, '63072a2436337d573946c6a1a4fee03af7175f305371695c7e35db638d54a2a7', '47b2b63de4b6665bfe26b61ab7a6837f73148251ae5a8c923e03437a180f982c', '6de7bf05918a66b8cb1b0239d46c3dca6368eb4b7d116e8d831619277afad92f'),
(25, '2a68bacb-81b6-48eb-ad51-0f73d7254894', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.462+00', 'vm', 'BINDING_CHANGE', 'SUCCESS', 'beheer', 'Regio Beheer', 'COORDINATOR', NULL, NULL, NULL, '', NULL, 'bindings', NULL, 'e7791fc5-7e59-4c95-8462-176c6c7a1595', 'PUT /bindings/{point}/municipalities/{municipality} -> 200', FALSE, '47b2b63de4b6665bfe26b61ab7a6837f73148251ae5a8c923e03437a180f982c', '5f6ea7898f3e520b9814741afde328f36a1fe3879ab95a8bcf66388735627770', '5a33a01dbc87649dbfbc95046287e5b52df56d13e25cdaa80e79e076571f86c8'),
(26, 'e63f9911-7577-4f46-a281-4b5260cf698d', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.809+00', 'vm', 'PERMISSION_CHANGE', 'SUCCESS', 'beheer', 'Regio Beheer', 'REGIONAL_ADMINISTRATOR', NULL, NULL, NULL, '', NULL, 'users', 'anna', '936a39d4-3215-4633-b701-5eb821afcb51', 'POST /users roles=[PROFESSIONAL] municipalities=[Arnhem] -> 201 created /api/v1/users/anna', FALSE, '5f6ea7898f3e520b9814741afde328f36a1fe3879ab95a8bcf66388735627770', '5320790302953c40ba91530e789dbf8a27260758aedecc642448b5c25a0b8890', '2a2fe95f9b7883b1e665b978a2312c75233c2e3634ac755dd7fffd652e5fdd8f'),
(27, '9ca27e29-1758-43cc-9a23-b85b7430c9ca', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.827+00', 'vm', 'READ', 'SUCCESS', 'beheer', 'Regio Beheer', 'AUDITOR', NULL, NULL, NULL, '', NULL, 'audit', NULL, '6e4fe383-f874-41c2-ab05-5d5b8efb470e', 'GET /audit/verify -> 200', FALSE, '5320790302953c40ba91530e789dbf8a27260758aedecc642448b5c25a0b8890', 'ac68333f207f2e12c982703d34f155ebb3aecde77742d9ba85d485a8743ce59d', '75f22ddecc0867c268c901f4ece4a4d310ad80d612b9d3bf207079c3edbc76ee');     
CREATE UNIQUE NULLS DISTINCT INDEX "public"."access_log_event_ux" ON "public"."access_log"("event_id" NULLS LAST);             
CREATE INDEX "public"."access_log_logged_at_ix" ON "public"."access_log"("logged_at" NULLS LAST);              
CREATE INDEX "public"."access_log_user_ix" ON "public"."access_log"("user_id" NULLS LAST);     
CREATE INDEX "public"."access_log_case_ix" ON "public"."access_log"("case_id" NULLS LAST);     
CREATE CACHED TABLE "public"."login_known_client"(
    "client_key" CHARACTER VARYING(64) NOT NULL,
    "last_success_at" TIMESTAMP WITH TIME ZONE NOT NULL
); 
ALTER TABLE "public"."login_known_client" ADD CONSTRAINT "public"."CONSTRAINT_10" PRIMARY KEY("client_key");   
-- 1 +/- SELECT COUNT(*) FROM public.login_known_client;       
INSERT INTO "public"."login_known_client" VALUES
('2e836dbda3bd32a066fbf7340a36642c47765d04436ce777da4ea8e1dc6d8154', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.2309+00'); 
CREATE CACHED TABLE "public"."case_event"(
    "id" CHARACTER VARYING(36) NOT NULL,
    "case_id" CHARACTER VARYING(36) NOT NULL,
    "event_type" CHARACTER VARYING(60) NOT NULL,
    "detail" CHARACTER VARYING(10000) NOT NULL,
    "reason" CHARACTER VARYING(10000),
    "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "recorded_by" CHARACTER VARYING(200) NOT NULL,
    "seq_no" BIGINT GENERATED BY DEFAULT AS IDENTITY(START WITH 1 RESTART WITH 12) NOT NULL,
    "payload" CHARACTER VARYING(10000)
);       
ALTER TABLE "public"."case_event" ADD CONSTRAINT "public"."CONSTRAINT_D" PRIMARY KEY("id");    
-- 11 +/- SELECT COUNT(*) FROM public.case_event;              
INSERT INTO "public"."case_event" VALUES
('e69df8c5-0837-40bc-9060-d23bf3d5fe29', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'CASE_OPENED', 'opened from SIGNAL by POLICE received 2026-12-04, municipality Arnhem, 3 member(s)', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:40.935+00', 'beheer', 1, '{"municipality":"Arnhem","origin":"SIGNAL","members":3}'),
('eb133133-1786-4d37-8edc-b5e33d7969e3', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'ASSIGNED', 'Regio Beheer (Wijkteam Arnhem-Oost) as FIXED_PROFESSIONAL with casusregie', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.05+00', 'beheer', 2, '{"assignmentId":"03a78eec-8674-44bd-b975-8bb960020705","role":"FIXED_PROFESSIONAL","casusregie":true}'),
('87e1d668-a393-47a9-9073-b5686cfa9677', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'ASSIGNED', 'Rob Smit (RVT Gelderland-Midden) as RVT_PROFESSIONAL', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.064+00', 'beheer', 3, '{"assignmentId":"44cd39a5-432c-41ea-8355-0f5c33204f29","role":"RVT_PROFESSIONAL","casusregie":false}'),
('05d4e41e-9076-4058-b803-88d823a80ab8', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'PLAN_VERSION_SAVED', 'plan version 1 saved', 'Eerste plan', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.096+00', 'beheer', 4, '{"version":1}'),
('4112ee6b-5e8b-4892-893a-233a4f7b21e1', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'EVALUATION_RECORDED', 'evaluation of plan version 1 on 2026-12-04', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.189+00', 'beheer', 5, '{"evaluationId":"87c4136e-e933-45b0-9188-0c8078a81b05","planVersion":1,"on":"2026-12-04"}'),
('529b27e8-90cc-4e36-b1fa-52f8a7efd6b4', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'PLAN_VERSION_SAVED', 'plan version 2 saved', 'Na evaluatie', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.211+00', 'beheer', 6, '{"version":2}'),
('93ad9017-2d82-4fd9-929b-e446f85207dd', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'TRIAGE_PENDING', 'triage by triage-veiligheidshuis 0.1.0.SNAPSHOT waits for more assessments (PENDING)', 'Joint local triage of the Zorg- en Veiligheidshuis waits for both assessments: the municipal safety director (SAFETY_DIRECTOR) and the Veiligheidshuis process director (PROCESS_DIRECTOR) have not assessed yet.', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.274+00', 'beheer', 7, '{"pluginId":"triage-veiligheidshuis","bundleVersion":"0.1.0.SNAPSHOT","classification":"PENDING"}'),
('f02b9a08-eadb-455e-b2f4-a253cc1e887f', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'TRIAGE_ASSESSED', 'assessment as VEILIG_THUIS by Regio Beheer, recommends VEILIGHEIDSHUIS_TABLE', 'Herhaald geweld: naar de tafel.', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.306+00', 'beheer', 8, '{"assessorRole":"VEILIG_THUIS","recommendation":"VEILIGHEIDSHUIS_TABLE"}'),
('fc4f9402-eb06-48f1-b51c-445b8c55082c', 'b0b7c685-4248-4405-aed6-e17d371d7490', 'TRIAGE_PENDING', 'triage by triage-veiligheidshuis 0.1.0.SNAPSHOT waits for more assessments (PENDING)', 'Joint local triage of the Zorg- en Veiligheidshuis waits for both assessments: the municipal safety director (SAFETY_DIRECTOR) and the Veiligheidshuis process director (PROCESS_DIRECTOR) have not assessed yet. Ignored, because only the roles SAFETY_DIRECTOR and PROCESS_DIRECTOR count in this triage: the assessment by Regio Beheer (VEILIG_THUIS).', TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.312+00', 'beheer', 9, '{"pluginId":"triage-veiligheidshuis","bundleVersion":"0.1.0.SNAPSHOT","classification":"PENDING"}'),
('7e579fa8-dcf4-400f-8d46-7d7dfd8b3b78', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'CASE_OPENED', 'opened from REQUEST_FOR_HELP by FAMILY received 2026-12-04, municipality Ede, 1 member(s)', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.333+00', 'beheer', 10, '{"municipality":"Ede","origin":"SIGNAL","members":1}'),
('c3e4cfba-0ba8-4892-b227-5c1a296bbd3d', 'dc2a212c-3ec8-45a2-a0fd-1a8678732399', 'ASSIGNED', 'Regio Beheer (Ede) as FIXED_PROFESSIONAL with casusregie', NULL, TIMESTAMP WITH TIME ZONE '2026-12-04 21:57:41.421+00', 'beheer', 11, '{"assignmentId":"b7d76d69-17ce-44ee-9172-66e7bd9e4863","role":"FIXED_PROFESSIONAL","casusregie":true}');          
CREATE INDEX "public"."case_event_case_ix" ON "public"."case_event"("case_id" NULLS LAST);     
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."relationship_distinct_ck" CHECK("from_person_id" <> "to_person_id") NOCHECK;      
ALTER TABLE "public"."access_log_head" ADD CONSTRAINT "public"."access_log_head_single_ck" CHECK("head_id" = 1) NOCHECK;       
ALTER TABLE "public"."safe_address_version" ADD CONSTRAINT "public"."safe_address_version_kind_ck" CHECK("change_kind" IN('RECORDED', 'CHANGED', 'READER_ADDED')) NOCHECK;     
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
ALTER TABLE "public"."pseudonym_key" ADD CONSTRAINT "public"."pseudonym_key_single_ck" CHECK("key_id" = 1) NOCHECK;            
ALTER TABLE "public"."legal_hold" ADD CONSTRAINT "public"."legal_hold_subject_ck" CHECK("subject_type" IN('PERSON', 'CASE')) NOCHECK;          
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."local_team_outbox_key_uq" UNIQUE NULLS DISTINCT ("idempotency_key");         
ALTER TABLE "public"."municipality" ADD CONSTRAINT "public"."municipality_name_key_uq" UNIQUE NULLS DISTINCT ("name_key");     
ALTER TABLE "public"."assignment" ADD CONSTRAINT "public"."CONSTRAINT_3D2" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;             
ALTER TABLE "public"."restricted_reader_added" ADD CONSTRAINT "public"."CONSTRAINT_611" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."evaluation" ADD CONSTRAINT "public"."CONSTRAINT_332" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;             
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_212" FOREIGN KEY("from_assignment_id") REFERENCES "public"."assignment"("id") NOCHECK;     
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F06" FOREIGN KEY("to_person_id") REFERENCES "public"."person"("id") NOCHECK;           
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;              
ALTER TABLE "public"."maatwerk_request" ADD CONSTRAINT "public"."CONSTRAINT_A0" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;        
ALTER TABLE "public"."consent" ADD CONSTRAINT "public"."CONSTRAINT_38B6" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;  
ALTER TABLE "public"."user_municipality" ADD CONSTRAINT "public"."CONSTRAINT_7B" FOREIGN KEY("user_id") REFERENCES "public"."user_account"("user_id") NOCHECK; 
ALTER TABLE "public"."case_entry_person" ADD CONSTRAINT "public"."CONSTRAINT_E" FOREIGN KEY("entry_id") REFERENCES "public"."case_entry"("id") NOCHECK;        
ALTER TABLE "public"."break_glass" ADD CONSTRAINT "public"."CONSTRAINT_67C" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;            
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_21" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_entry" ADD CONSTRAINT "public"."CONSTRAINT_D730" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;            
ALTER TABLE "public"."review" ADD CONSTRAINT "public"."CONSTRAINT_C84" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK; 
ALTER TABLE "public"."consent" ADD CONSTRAINT "public"."CONSTRAINT_38B" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;
ALTER TABLE "public"."case_member_role" ADD CONSTRAINT "public"."CONSTRAINT_549" FOREIGN KEY("case_id", "person_id") REFERENCES "public"."case_member"("case_id", "person_id") NOCHECK;        
ALTER TABLE "public"."local_team_outbox" ADD CONSTRAINT "public"."CONSTRAINT_4BE" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;      
ALTER TABLE "public"."plan_version" ADD CONSTRAINT "public"."CONSTRAINT_14" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;            
ALTER TABLE "public"."care_request" ADD CONSTRAINT "public"."CONSTRAINT_79ED" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;          
ALTER TABLE "public"."user_session" ADD CONSTRAINT "public"."CONSTRAINT_D14" FOREIGN KEY("user_id") REFERENCES "public"."user_account"("user_id") NOCHECK;     
ALTER TABLE "public"."case_member" ADD CONSTRAINT "public"."CONSTRAINT_1C" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;
ALTER TABLE "public"."care_request" ADD CONSTRAINT "public"."CONSTRAINT_79ED7" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;            
ALTER TABLE "public"."case_entry_person" ADD CONSTRAINT "public"."CONSTRAINT_E1" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;          
ALTER TABLE "public"."triage_assessment" ADD CONSTRAINT "public"."CONSTRAINT_2EF" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;      
ALTER TABLE "public"."local_team_inbound" ADD CONSTRAINT "public"."CONSTRAINT_E6" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;      
ALTER TABLE "public"."court_request" ADD CONSTRAINT "public"."CONSTRAINT_64C" FOREIGN KEY("review_id") REFERENCES "public"."review"("id") NOCHECK;             
ALTER TABLE "public"."handover" ADD CONSTRAINT "public"."CONSTRAINT_212D" FOREIGN KEY("to_assignment_id") REFERENCES "public"."assignment"("id") NOCHECK;      
ALTER TABLE "public"."access_log_person" ADD CONSTRAINT "public"."CONSTRAINT_D3" FOREIGN KEY("seq_no") REFERENCES "public"."access_log"("seq_no") NOCHECK;     
ALTER TABLE "public"."case_event" ADD CONSTRAINT "public"."CONSTRAINT_D7" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;              
ALTER TABLE "public"."safe_address_version" ADD CONSTRAINT "public"."CONSTRAINT_6C" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;       
ALTER TABLE "public"."court_request" ADD CONSTRAINT "public"."CONSTRAINT_64" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;           
ALTER TABLE "public"."maatwerk_request" ADD CONSTRAINT "public"."CONSTRAINT_A0A" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;          
ALTER TABLE "public"."care_path_step" ADD CONSTRAINT "public"."CONSTRAINT_74" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;          
ALTER TABLE "public"."safe_address" ADD CONSTRAINT "public"."CONSTRAINT_FBD" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;              
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5A1" FOREIGN KEY("person_id") REFERENCES "public"."person"("id") NOCHECK;      
ALTER TABLE "public"."relationship" ADD CONSTRAINT "public"."CONSTRAINT_F0" FOREIGN KEY("from_person_id") REFERENCES "public"."person"("id") NOCHECK;          
ALTER TABLE "public"."household_membership" ADD CONSTRAINT "public"."CONSTRAINT_5A" FOREIGN KEY("household_id") REFERENCES "public"."household"("id") NOCHECK; 
ALTER TABLE "public"."care_path_incident" ADD CONSTRAINT "public"."CONSTRAINT_504" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;     
ALTER TABLE "public"."triage_outcome" ADD CONSTRAINT "public"."CONSTRAINT_348" FOREIGN KEY("case_id") REFERENCES "public"."family_case"("id") NOCHECK;         
ALTER TABLE "public"."restricted_reader_added" ADD CONSTRAINT "public"."CONSTRAINT_61" FOREIGN KEY("entry_id") REFERENCES "public"."case_entry"("id") NOCHECK; 
