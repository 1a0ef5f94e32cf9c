-- Roles for several officers on one Lotse database (PostgreSQL).
--
-- Run by the owner of Lotse's tables (the role that created them: the first Lotse to open
-- the empty database migrated it), after the schema exists, in the database and schema
-- Lotse uses (the current schema, normally `public`):
--     lotse setup-roles --db postgres://owner@host/lotse
--     psql "postgres://owner@host/lotse" -v ON_ERROR_STOP=1 -f roles.sql
-- Roles are the whole server's: creating the two group roles takes a superuser or a role
-- with CREATEROLE. An owner without that right has a superuser create them once first:
--     CREATE ROLE lotse_officer NOLOGIN;  CREATE ROLE lotse_reader NOLOGIN;
-- Safe to run again, and to be run again after an update of Lotse whose migrations added
-- tables (they are covered by the default privileges below anyway).
--
--   lotse_officer  reads and writes staff, departments, seminars, sessions, attendance,
--                  programs, certificates, settings; adds audit entries.
--   lotse_reader   reads only: dashboard, reports, lists, verification of certificates.
--                  (Verification needs the per-database key in `setting`, so readers can
--                  read it; they cannot write anything.)
-- Both are group roles (NOLOGIN). People log in as roles of their own made members:
--     CREATE ROLE anna LOGIN PASSWORD '…';          GRANT lotse_officer TO anna;
--     CREATE ROLE amtsleitung LOGIN PASSWORD '…';   GRANT lotse_reader TO amtsleitung;
-- Audit entries record the login role (`current_user`), so give everyone their own.
--
-- The audit log. Officers may INSERT entries but not DELETE them, and may UPDATE only the
-- columns `summary` and `employee_id` — which is what an erasure under DSGVO Art. 17 does
-- (`lotse privacy erase`, the retention run: the entries about the person are rewritten
-- without their personnel number, name and e-mail, and lose `employee_id` when the
-- person's row goes). `at`, `actor`, `entity`, `entity_id` and `action` cannot be changed
-- by an officer, and no entry can be deleted (there is no operation in Lotse that deletes
-- one). So an officer can run an erasure; the price is that an officer could also reword a
-- summary — who did what, and when, stays. Only the owner can do more.
--
-- `lotse_meta` (schema version) and the schema itself (tables, collations, functions)
-- stay the owner's: officers cannot migrate, create or drop anything.

-- The group roles, if missing (a concurrent run creating them too is no error), or a
-- clear refusal when they are missing and this role may not create roles.
DO $roles$
BEGIN
    IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('lotse_officer', 'lotse_reader')) < 2
       AND NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'the roles lotse_officer and lotse_reader do not exist yet, and % may not create roles',
                current_user
            USING HINT = 'Have a superuser run CREATE ROLE lotse_officer NOLOGIN; CREATE ROLE lotse_reader NOLOGIN; '
                         'then run this again.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_officer') THEN
        BEGIN
            CREATE ROLE lotse_officer NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_reader') THEN
        BEGIN
            CREATE ROLE lotse_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$roles$;

-- The grants, on the tables of the current schema.
DO $grants$
DECLARE
    s     text := current_schema();
    owner text;
BEGIN
    IF s IS NULL
       OR to_regclass(format('%I.lotse_meta', s)) IS NULL
       OR to_regclass(format('%I.audit', s)) IS NULL THEN
        RAISE EXCEPTION 'there is no Lotse schema in schema "%" of database "%" yet',
                coalesce(s, '(none)'), current_database()
            USING HINT = 'Open the database once with Lotse as the role that is to own its tables '
                         '(for example lotse check --db postgres://owner@host/db), then run this again.';
    END IF;
    SELECT tableowner INTO owner FROM pg_tables WHERE schemaname = s AND tablename = 'lotse_meta';
    IF NOT pg_has_role(current_user, owner, 'USAGE') THEN
        RAISE EXCEPTION 'roles.sql must be run by the owner of Lotse''s tables (%), not by %',
                owner, current_user;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO lotse_officer, lotse_reader', s);
    IF has_database_privilege(current_database(), 'CONNECT WITH GRANT OPTION') THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO lotse_officer, lotse_reader',
                       current_database());
    END IF;
    -- The SQLite-compatible functions the store's queries call (compat.sql).
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO lotse_officer, lotse_reader', s);

    -- Readers: every table readable, nothing writable (also when granted by hand before).
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO lotse_reader', s);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %I FROM lotse_reader', s);

    -- Officers: every table readable and writable (rows, not the table: no TRUNCATE) ...
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO lotse_officer', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO lotse_officer', s);
    -- ... but the audit log only added to, and rewritten only as an erasure does (a
    -- table-wide REVOKE also takes column grants, so this converges on every run) ...
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.audit FROM lotse_officer', s);
    EXECUTE format('GRANT UPDATE (summary, employee_id) ON %I.audit TO lotse_officer', s);
    -- ... and the schema's bookkeeping left to the owner.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.lotse_meta FROM lotse_officer', s);

    -- Tables, sequences and functions later migrations add (run by the same owner) get
    -- the same rights.
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO lotse_reader', owner, s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lotse_officer', owner, s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO lotse_officer', owner, s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO lotse_officer, lotse_reader', owner, s);
END
$grants$;
