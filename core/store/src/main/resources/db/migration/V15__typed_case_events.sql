-- Typed case events (docs/decisions/0014-typed-case-events.md). Every case event carries its data as
-- JSON in payload, written by the engine with Jackson from one record per event type; the outcome
-- monitor reads it, never the human sentence in detail.
ALTER TABLE case_event ADD COLUMN payload VARCHAR(10000);

-- Backfill, once, of the rows written before: the data the sentence held in a fixed form. Framework
-- and phase changes began "OLD -> NEW"; the measure of an older framework change stays in its
-- sentence only (payload measure null: no figure reads it). Other older rows keep a null payload.
UPDATE case_event SET payload = '{"from":"VOLUNTARY","to":"CONDITIONAL","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'VOLUNTARY -> CONDITIONAL%';
UPDATE case_event SET payload = '{"from":"VOLUNTARY","to":"COMPULSORY","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'VOLUNTARY -> COMPULSORY%';
UPDATE case_event SET payload = '{"from":"CONDITIONAL","to":"VOLUNTARY","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'CONDITIONAL -> VOLUNTARY%';
UPDATE case_event SET payload = '{"from":"CONDITIONAL","to":"COMPULSORY","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'CONDITIONAL -> COMPULSORY%';
UPDATE case_event SET payload = '{"from":"COMPULSORY","to":"VOLUNTARY","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'COMPULSORY -> VOLUNTARY%';
UPDATE case_event SET payload = '{"from":"COMPULSORY","to":"CONDITIONAL","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'COMPULSORY -> CONDITIONAL%';
UPDATE case_event SET payload = '{"from":"COMPULSORY","to":"COMPULSORY","measure":null}'
    WHERE event_type = 'FRAMEWORK_CHANGED' AND payload IS NULL AND detail LIKE 'COMPULSORY -> COMPULSORY%';
UPDATE case_event SET payload = '{"from":"ACUTE_SAFETY","to":"STABILISATION"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'ACUTE_SAFETY -> STABILISATION%';
UPDATE case_event SET payload = '{"from":"ACUTE_SAFETY","to":"RECOVERY"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'ACUTE_SAFETY -> RECOVERY%';
UPDATE case_event SET payload = '{"from":"STABILISATION","to":"ACUTE_SAFETY"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'STABILISATION -> ACUTE_SAFETY%';
UPDATE case_event SET payload = '{"from":"STABILISATION","to":"RECOVERY"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'STABILISATION -> RECOVERY%';
UPDATE case_event SET payload = '{"from":"RECOVERY","to":"ACUTE_SAFETY"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'RECOVERY -> ACUTE_SAFETY%';
UPDATE case_event SET payload = '{"from":"RECOVERY","to":"STABILISATION"}'
    WHERE event_type = 'PHASE_CHANGED' AND payload IS NULL AND detail LIKE 'RECOVERY -> STABILISATION%';
UPDATE case_event SET payload = '{}' WHERE event_type = 'CASE_CLOSED' AND payload IS NULL;
UPDATE case_event SET payload = '{"version":' || SUBSTRING(detail FROM 14 FOR LENGTH(detail) - 19) || '}'
    WHERE event_type = 'PLAN_VERSION_SAVED' AND payload IS NULL AND detail LIKE 'plan version % saved';
