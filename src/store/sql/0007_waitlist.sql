-- Waiting lists (issue 14): who waits for a place at a full session, in the order they
-- were put on it (`id`, then `added_at`). A session's deletion takes its list along; an
-- employee's records are their attendance, certificates and places on waiting lists.
CREATE TABLE waitlist (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    added_at    TEXT NOT NULL,
    UNIQUE (session_id, employee_id)
);
CREATE INDEX waitlist_employee ON waitlist(employee_id);
