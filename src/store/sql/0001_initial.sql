-- Lotse schema, version 1: the whole domain.
-- Dates are ISO text (YYYY-MM-DD), date-times ISO text without zone (local time of the organisation).

CREATE TABLE department (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES department(id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX department_parent ON department(parent_id);

CREATE TABLE employee (
    id               INTEGER PRIMARY KEY,
    personnel_number TEXT NOT NULL UNIQUE,
    first_name       TEXT NOT NULL CHECK (length(first_name) > 0),
    last_name        TEXT NOT NULL CHECK (length(last_name) > 0),
    salutation       TEXT NOT NULL DEFAULT 'neutral' CHECK (salutation IN ('female', 'male', 'neutral')),
    email            TEXT,
    department_id    INTEGER REFERENCES department(id),
    job_title        TEXT,
    entry_date       TEXT,
    exit_date        TEXT,
    CHECK (exit_date IS NULL OR entry_date IS NULL OR exit_date >= entry_date)
);
CREATE INDEX employee_department ON employee(department_id);
CREATE INDEX employee_email ON employee(email COLLATE NOCASE);
CREATE INDEX employee_name ON employee(last_name COLLATE NOCASE, first_name COLLATE NOCASE);

CREATE TABLE seminar (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL COLLATE NOCASE UNIQUE,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    provider      TEXT NOT NULL DEFAULT '',
    format        TEXT NOT NULL DEFAULT 'in_person' CHECK (format IN ('in_person', 'webinar', 'elearning')),
    default_hours REAL NOT NULL DEFAULT 0 CHECK (default_hours >= 0),
    topic         TEXT NOT NULL DEFAULT '',
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE session (
    id         INTEGER PRIMARY KEY,
    seminar_id INTEGER NOT NULL REFERENCES seminar(id),
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    trainer    TEXT NOT NULL DEFAULT '',
    capacity   INTEGER CHECK (capacity IS NULL OR capacity > 0),
    CHECK (ends_at >= starts_at)
);
CREATE INDEX session_seminar ON session(seminar_id, starts_at);
CREATE INDEX session_start ON session(starts_at);

CREATE TABLE attendance (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    status      TEXT NOT NULL DEFAULT 'registered'
                CHECK (status IN ('registered', 'attended', 'partial', 'absent', 'excused')),
    hours       REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, employee_id)
);
CREATE INDEX attendance_employee ON attendance(employee_id);

CREATE TABLE program (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL COLLATE NOCASE UNIQUE,
    serial_prefix    TEXT NOT NULL,
    title_de_male    TEXT NOT NULL,
    title_de_female  TEXT NOT NULL,
    title_de_neutral TEXT NOT NULL,
    title_en         TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    validity_months  INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
    allow_partial    INTEGER NOT NULL DEFAULT 0 CHECK (allow_partial IN (0, 1)),
    archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- kind: 'seminar' (seminar_id), 'n_of' (min_count of requirement_seminar),
--       'topic_hours' (topic, min_hours), 'program' (prerequisite_id)
CREATE TABLE requirement (
    id              INTEGER PRIMARY KEY,
    program_id      INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,
    kind            TEXT NOT NULL CHECK (kind IN ('seminar', 'n_of', 'topic_hours', 'program')),
    seminar_id      INTEGER REFERENCES seminar(id),
    min_count       INTEGER CHECK (min_count IS NULL OR min_count > 0),
    topic           TEXT,
    min_hours       REAL CHECK (min_hours IS NULL OR min_hours > 0),
    prerequisite_id INTEGER REFERENCES program(id),
    CHECK (kind <> 'seminar' OR seminar_id IS NOT NULL),
    CHECK (kind <> 'n_of' OR min_count IS NOT NULL),
    CHECK (kind <> 'topic_hours' OR (topic IS NOT NULL AND min_hours IS NOT NULL)),
    CHECK (kind <> 'program' OR (prerequisite_id IS NOT NULL AND prerequisite_id <> program_id))
);
CREATE INDEX requirement_program ON requirement(program_id, position);

CREATE TABLE requirement_seminar (
    requirement_id INTEGER NOT NULL REFERENCES requirement(id) ON DELETE CASCADE,
    seminar_id     INTEGER NOT NULL REFERENCES seminar(id),
    PRIMARY KEY (requirement_id, seminar_id)
) WITHOUT ROWID;

-- Binary assets (logos) by content hash, shared by every certificate printed with them.
CREATE TABLE asset (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    mime   TEXT NOT NULL,
    bytes  BLOB NOT NULL
);

CREATE TABLE certificate (
    id                INTEGER PRIMARY KEY,
    serial            TEXT NOT NULL UNIQUE,
    program_id        INTEGER NOT NULL REFERENCES program(id),
    employee_id       INTEGER NOT NULL REFERENCES employee(id),
    serial_year       INTEGER NOT NULL,
    serial_number     INTEGER NOT NULL CHECK (serial_number > 0),
    issued_on         TEXT NOT NULL,
    valid_until       TEXT,
    signatory_name    TEXT NOT NULL DEFAULT '',
    signatory_title   TEXT NOT NULL DEFAULT '',
    code              TEXT NOT NULL UNIQUE,
    snapshot          TEXT NOT NULL,
    logo_asset_id     INTEGER REFERENCES asset(id),
    revoked_on        TEXT,
    revocation_reason TEXT,
    superseded_by     INTEGER REFERENCES certificate(id),
    created_at        TEXT NOT NULL,
    UNIQUE (program_id, serial_year, serial_number),
    CHECK (valid_until IS NULL OR valid_until >= issued_on),
    CHECK (revoked_on IS NULL OR revocation_reason IS NOT NULL)
);
CREATE INDEX certificate_employee ON certificate(employee_id, program_id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value BLOB
) WITHOUT ROWID;

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    action    TEXT NOT NULL,
    summary   TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
