-- Optimistic locking (issue 13): every record a form edits carries a version that grows
-- with each change. A form remembers the version it loaded; a save is refused when the
-- stored version moved on in the meantime (another officer, the command line), instead of
-- silently overwriting that change. The triggers count every UPDATE, whichever statement
-- makes it, so no code path can forget to.
ALTER TABLE department ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE employee ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE seminar ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE program ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER department_version AFTER UPDATE ON department
WHEN NEW.version = OLD.version
BEGIN
    UPDATE department SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER employee_version AFTER UPDATE ON employee
WHEN NEW.version = OLD.version
BEGIN
    UPDATE employee SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER seminar_version AFTER UPDATE ON seminar
WHEN NEW.version = OLD.version
BEGIN
    UPDATE seminar SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER session_version AFTER UPDATE ON session
WHEN NEW.version = OLD.version
BEGIN
    UPDATE session SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER program_version AFTER UPDATE ON program
WHEN NEW.version = OLD.version
BEGIN
    UPDATE program SET version = OLD.version + 1 WHERE id = NEW.id;
END;
