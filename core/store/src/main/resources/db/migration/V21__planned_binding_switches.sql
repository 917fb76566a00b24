-- V21 (switches, issue 15 part 5, decision 0031): planned binding switches.
--
-- A switch sets a scope's binding (plugin_id and configuration) or ends it (plugin_id NULL: the
-- region's binding or the fallback applies again) at effective_at. id is a change number taken from
-- plugin_binding_head when the switch was planned, so it is unique among binding changes and becomes
-- both the binding's revision and the history entry's id once the switch is applied.
--
-- Every node resolves a binding as the row in plugin_binding overlaid with the PLANNED switches of
-- its scope that are due by its own clock (effective_at <= now), so a switch takes effect at its time
-- on every node without a restart and without a job. The next binding change (on any node, under the
-- head's row lock) first applies due switches (state APPLIED: row written, history entry added);
-- a switch can be CANCELLED only while still PLANNED and not yet due.
CREATE TABLE plugin_binding_switch (
    id                 BIGINT                   NOT NULL PRIMARY KEY,
    extension_point    VARCHAR(40)              NOT NULL,
    scope_key          VARCHAR(200)             NOT NULL,
    plugin_id          VARCHAR(100),
    configuration      TEXT,
    configuration_hash VARCHAR(64),
    effective_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state              VARCHAR(20)              NOT NULL,
    planned_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    planned_by         VARCHAR(200)             NOT NULL,
    reason             VARCHAR(10000)           NOT NULL,
    settled_at         TIMESTAMP WITH TIME ZONE,
    settled_by         VARCHAR(200),
    settled_reason     VARCHAR(10000),
    CONSTRAINT plugin_binding_switch_state_ck CHECK (state IN ('PLANNED', 'APPLIED', 'CANCELLED'))
);
CREATE INDEX plugin_binding_switch_due_ix ON plugin_binding_switch (state, extension_point, scope_key, effective_at);
