-- V1: the platform's own facts. Portable SQL: runs on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE platform_setting (
    setting_name  VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
INSERT INTO platform_setting (setting_name, setting_value) VALUES ('schema.created', CAST(CURRENT_TIMESTAMP AS VARCHAR(40)));
