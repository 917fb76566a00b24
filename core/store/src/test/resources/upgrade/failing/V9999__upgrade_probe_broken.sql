-- Test only (SchemaUpgradeTest): a migration that fails half-way. Its first statement succeeds (and on
-- H2 commits at once, DDL being non-transactional there); its second names a table that does not exist.
CREATE TABLE upgrade_probe_half (id INT PRIMARY KEY);
UPDATE family_case SET signal_description = 'changed by a failing migration';
ALTER TABLE upgrade_probe_no_such_table ADD COLUMN x INT;
