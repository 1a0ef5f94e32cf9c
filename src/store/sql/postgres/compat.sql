-- The few SQLite functions the store's SQL uses, for PostgreSQL, so that one text of each
-- query serves both databases. Part of schema version 1 (run with 0001_initial.sql).

-- json_extract(document, '$.a.b'): the value at the path, as text (NULL when missing).
CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (doc::jsonb) #>> string_to_array(substr(path, 3), '.') $$;

-- instr(haystack, needle): the 1-based position of needle, 0 when absent.
CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT strpos(haystack, needle) $$;

-- substr over a date-time, as over SQLite's ISO text (2026-12-06T09:00:00).
CREATE OR REPLACE FUNCTION substr(at timestamp, first integer, n integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT substr(to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS'), first, n) $$;

-- substr over a date, as over SQLite's ISO text (2026-12-06).
CREATE OR REPLACE FUNCTION substr(day date, first integer, n integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT substr(to_char(day, 'YYYY-MM-DD'), first, n) $$;
