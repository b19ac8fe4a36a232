-- Disabling an account ends its sessions at once, however it is disabled (the engine, a
-- directory synchronisation, an administrator's SQL): its bearer tokens are deleted, so
-- enabling the account again does not bring them back.
{{SQLITE}}CREATE TRIGGER people_disabled_ends_sessions AFTER UPDATE OF enabled ON people WHEN NEW.enabled = 0 BEGIN DELETE FROM operator_tokens WHERE person_id = NEW.id; END;
{{POSTGRES}}CREATE FUNCTION lanyard_end_sessions_of_disabled() RETURNS trigger AS $$ BEGIN DELETE FROM operator_tokens WHERE person_id = NEW.id; RETURN NEW; END $$ LANGUAGE plpgsql;
{{POSTGRES}}CREATE TRIGGER people_disabled_ends_sessions AFTER UPDATE OF enabled ON people FOR EACH ROW WHEN (NEW.enabled = 0) EXECUTE FUNCTION lanyard_end_sessions_of_disabled();
-- And the tokens of accounts that are disabled now end too.
DELETE FROM operator_tokens WHERE person_id IN (SELECT id FROM people WHERE enabled = 0);
