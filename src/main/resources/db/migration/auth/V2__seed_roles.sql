-- The contract's roles. The reference seeds them only in an init script, so a migrated-only
-- database cannot sign anyone up; here they are part of the schema.
INSERT INTO roles (code) VALUES ('LEARNER'), ('AUTHOR'), ('EDITOR'), ('ADMIN');
