-- Optimistic locking (issue 13), as `0005_versions.sql` for SQLite: every record a form
-- edits carries a version that each UPDATE raises, whichever statement makes it.
ALTER TABLE department ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE employee ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE seminar ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE session ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE program ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION lotse_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER department_version BEFORE UPDATE ON department
    FOR EACH ROW EXECUTE FUNCTION lotse_next_version();
CREATE TRIGGER employee_version BEFORE UPDATE ON employee
    FOR EACH ROW EXECUTE FUNCTION lotse_next_version();
CREATE TRIGGER seminar_version BEFORE UPDATE ON seminar
    FOR EACH ROW EXECUTE FUNCTION lotse_next_version();
CREATE TRIGGER session_version BEFORE UPDATE ON session
    FOR EACH ROW EXECUTE FUNCTION lotse_next_version();
CREATE TRIGGER program_version BEFORE UPDATE ON program
    FOR EACH ROW EXECUTE FUNCTION lotse_next_version();
