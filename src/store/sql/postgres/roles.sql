-- Roles for several officers on one Lotse database (PostgreSQL). Run by the database's
-- owner (the role that created the schema), as `lotse setup-roles --db postgres://owner@…`
-- or with psql. Safe to run again.
--
--   lotse_officer  reads and writes: staff, attendance, certificates, settings. May add
--                  audit entries but not delete them, and change them only as an erasure
--                  does (the summary that named the person).
--   lotse_reader   reads only: dashboard, reports, lists, verification of certificates.
--
-- Officers and readers are then login roles made members of one of them, e.g.
--   CREATE ROLE anna LOGIN PASSWORD '…';  GRANT lotse_officer TO anna;
--   CREATE ROLE amtsleitung LOGIN PASSWORD '…';  GRANT lotse_reader TO amtsleitung;
-- Lotse creates and migrates the schema when its owner opens the database first; the
-- migrations stay the owner's (officers cannot create tables).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_officer') THEN
        CREATE ROLE lotse_officer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_reader') THEN
        CREATE ROLE lotse_reader NOLOGIN;
    END IF;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO lotse_officer, lotse_reader', current_schema());
END
$$;

-- Readers: everything readable, nothing writable.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO lotse_reader;

-- Officers: every table readable and writable but the audit log, which they may only add to.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lotse_officer;
REVOKE UPDATE, DELETE ON audit FROM lotse_officer;
-- Erasing a person (DSGVO Art. 17) removes their name from the summaries of audit entries.
GRANT UPDATE (summary, employee_id) ON audit TO lotse_officer;
-- The schema's own bookkeeping stays the owner's.
REVOKE INSERT, UPDATE, DELETE ON lotse_meta FROM lotse_officer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lotse_officer;

-- Tables a later Lotse adds get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO lotse_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lotse_officer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lotse_officer;
