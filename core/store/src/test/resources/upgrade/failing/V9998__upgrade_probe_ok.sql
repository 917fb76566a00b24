-- Test only (SchemaUpgradeTest): a migration that succeeds, before one that fails.
CREATE TABLE upgrade_probe_ok (id INT PRIMARY KEY);
INSERT INTO upgrade_probe_ok (id) VALUES (1);
