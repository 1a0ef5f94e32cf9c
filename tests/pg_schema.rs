//! The PostgreSQL schema (`src/store/sql/postgres/`) on a real server: it mirrors the
//! SQLite schema table for table and column for column (with the agreed types), its
//! collations `nocase` and `de` behave as SQLite's `NOCASE` and Lotse's `DE`, its
//! data-moving migration moves the same data, and `roles.sql` is idempotent and enforced
//! by the server (a reader's write is refused with SQLSTATE 42501; an officer writes and
//! can still run an erasure, but cannot delete or falsify the audit log's who/when/what).
//!
//! The server comes from `tests/common/pg.rs`: `LOTSE_TEST_PG`, else one this process
//! starts where PostgreSQL is installed, else every test here passes after saying that it
//! was skipped.

#[path = "common/pg.rs"]
mod pg;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use postgres::Client;
use postgres::error::SqlState;

// ---------------------------------------------------------------------------------------
// The migrations

fn sql_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/sql")
}

/// The numbered migrations (`NNNN_what.sql`) in `dir`, in order: file name and text.
fn numbered(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".sql")
                && name.len() > 5
                && name[..4].chars().all(|c| c.is_ascii_digit())
                && name.as_bytes()[4] == b'_'
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn sqlite_migrations() -> Vec<(String, String)> {
    numbered(&sql_dir())
}

/// The PostgreSQL migrations as `store/server.rs` runs them: `compat.sql` (the SQLite
/// functions the store's SQL calls) is part of version 1.
fn pg_migrations() -> Vec<(String, String)> {
    let dir = sql_dir().join("postgres");
    let mut files = numbered(&dir);
    let compat = std::fs::read_to_string(dir.join("compat.sql")).unwrap();
    files[0].1 = format!("{}\n{compat}", files[0].1);
    files
}

/// Applies the first `upto` PostgreSQL migrations in one transaction, as the store does.
fn migrate_pg(client: &mut Client, from: usize, upto: usize) {
    let mut tx = client.transaction().unwrap();
    for (name, text) in &pg_migrations()[from..upto] {
        tx.batch_execute(text)
            .unwrap_or_else(|e| panic!("postgres/{name}: {e}"));
    }
    tx.commit().unwrap();
}

fn migrate_pg_all(client: &mut Client) {
    migrate_pg(client, 0, pg_migrations().len());
}

fn sqlite_schema(upto: usize) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.create_collation("DE", lotse::text::cmp_de).unwrap();
    for (name, text) in &sqlite_migrations()[..upto] {
        conn.execute_batch(text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    conn
}

#[test]
fn every_sqlite_migration_has_its_postgres_twin() {
    let sqlite: Vec<String> = sqlite_migrations().into_iter().map(|(n, _)| n).collect();
    let pg: Vec<String> = pg_migrations().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        sqlite, pg,
        "src/store/sql/postgres/ needs one migration per SQLite migration, with the same \
         number and name, so that the schema version means the same on both backends"
    );
    assert_eq!(sqlite.len() as i64, lotse::store::SCHEMA_VERSION);
}

// ---------------------------------------------------------------------------------------
// The SQLite schema, read back from SQLite itself

#[derive(Debug)]
struct SqliteColumn {
    name: String,
    decl_type: String,
    not_null: bool,
    default: Option<String>,
    /// Position in the primary key (0: not part of it).
    pk: i64,
    nocase: bool,
    /// An INTEGER 0/1 flag (`CHECK (x IN (0, 1))`): `boolean` in PostgreSQL.
    flag: bool,
}

#[derive(Debug, Default)]
struct Constraints {
    /// `PRIMARY KEY (…)`, `UNIQUE (…)`, `FOREIGN KEY (…) REFERENCES …` as PostgreSQL's
    /// `pg_get_constraintdef` writes them.
    keys: BTreeSet<String>,
    /// CHECK constraints but the 0/1 ones of flags (PostgreSQL's `boolean` needs none).
    checks: usize,
    /// Explicit indexes: name → `UNIQUE? (col [COLLATE nocase], …)`.
    indexes: BTreeMap<String, String>,
}

/// A foreign key as `pragma_foreign_key_list` gives it (one row per column).
struct ForeignKey {
    target: String,
    from: Vec<String>,
    to: Vec<String>,
    on_update: String,
    on_delete: String,
}

/// The parts of a `CREATE TABLE` statement between its outer parentheses, split at the
/// commas that are not inside parentheses or quotes.
fn table_parts(sql: &str) -> Vec<String> {
    let open = sql.find('(').unwrap();
    let close = sql.rfind(')').unwrap();
    let mut parts = vec![String::new()];
    let (mut depth, mut quoted) = (0, false);
    for c in sql[open + 1..close].chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn is_table_constraint(part: &str) -> bool {
    let upper = part.to_ascii_uppercase();
    [
        "CHECK",
        "UNIQUE",
        "PRIMARY KEY",
        "FOREIGN KEY",
        "CONSTRAINT",
    ]
    .iter()
    .any(|k| upper.starts_with(k))
}

fn read_sqlite(conn: &rusqlite::Connection) -> BTreeMap<String, (Vec<SqliteColumn>, Constraints)> {
    let tables: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema
              WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut schema = BTreeMap::new();
    for (table, sql) in tables {
        let parts = table_parts(&sql);
        let mut constraints = Constraints::default();
        let mut columns: Vec<SqliteColumn> = conn
            .prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap()
            .query_map([&table], |r| {
                Ok(SqliteColumn {
                    name: r.get(0)?,
                    decl_type: r.get::<_, String>(1)?.to_ascii_uppercase(),
                    not_null: r.get(2)?,
                    default: r.get(3)?,
                    pk: r.get(4)?,
                    nocase: false,
                    flag: false,
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for part in &parts {
            let upper = part.to_ascii_uppercase();
            let checks = upper.matches("CHECK (").count();
            if is_table_constraint(part) {
                constraints.checks += checks;
                continue;
            }
            let name = part.split(' ').next().unwrap();
            let column = columns
                .iter_mut()
                .find(|c| c.name.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| panic!("{table}: column `{name}` of `{part}` not found"));
            column.nocase = upper.contains("COLLATE NOCASE");
            column.flag = upper.contains(&format!(
                "CHECK ({} IN (0, 1))",
                column.name.to_ascii_uppercase()
            ));
            constraints.checks += checks - usize::from(column.flag);
        }
        let mut pk: Vec<&SqliteColumn> = columns.iter().filter(|c| c.pk > 0).collect();
        pk.sort_by_key(|c| c.pk);
        if !pk.is_empty() {
            let names: Vec<&str> = pk.iter().map(|c| c.name.as_str()).collect();
            constraints
                .keys
                .insert(format!("PRIMARY KEY ({})", names.join(", ")));
        }
        let indexes: Vec<(String, bool, String)> = conn
            .prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?1)")
            .unwrap()
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (index, unique, origin) in indexes {
            let keys: Vec<String> = conn
                .prepare(
                    "SELECT name, coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno",
                )
                .unwrap()
                .query_map([&index], |r| {
                    let name: Option<String> = r.get(0)?;
                    let coll: String = r.get(1)?;
                    Ok(match coll.as_str() {
                        "BINARY" => name.unwrap_or_default(),
                        other => format!(
                            "{} COLLATE {}",
                            name.unwrap_or_default(),
                            other.to_ascii_lowercase()
                        ),
                    })
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let plain: Vec<&str> = keys.iter().map(|k| k.split(' ').next().unwrap()).collect();
            match origin.as_str() {
                "u" => {
                    constraints
                        .keys
                        .insert(format!("UNIQUE ({})", plain.join(", ")));
                }
                "c" => {
                    let unique = if unique { "UNIQUE " } else { "" };
                    constraints
                        .indexes
                        .insert(index, format!("{unique}({})", keys.join(", ")));
                }
                _ => {} // the primary key's own index
            }
        }
        let rows: Vec<(i64, ForeignKey)> = conn
            .prepare(
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete
                   FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
            )
            .unwrap()
            .query_map([&table], |r| {
                Ok((
                    r.get(0)?,
                    ForeignKey {
                        target: r.get(1)?,
                        from: vec![r.get(2)?],
                        to: vec![
                            r.get::<_, Option<String>>(3)?
                                .unwrap_or_else(|| "id".into()),
                        ],
                        on_update: r.get(4)?,
                        on_delete: r.get(5)?,
                    },
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut fks: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for (id, column) in rows {
            match fks.get_mut(&id) {
                Some(fk) => {
                    fk.from.extend(column.from);
                    fk.to.extend(column.to);
                }
                None => {
                    fks.insert(id, column);
                }
            }
        }
        for fk in fks.into_values() {
            let mut def = format!(
                "FOREIGN KEY ({}) REFERENCES {}({})",
                fk.from.join(", "),
                fk.target,
                fk.to.join(", ")
            );
            if fk.on_update != "NO ACTION" {
                def.push_str(&format!(" ON UPDATE {}", fk.on_update));
            }
            if fk.on_delete != "NO ACTION" {
                def.push_str(&format!(" ON DELETE {}", fk.on_delete));
            }
            constraints.keys.insert(def);
        }
        schema.insert(table, (columns, constraints));
    }
    schema
}

/// The agreed PostgreSQL type of a SQLite column. Date and date-time columns are told
/// apart by name: `…_date`, `…_on`, `…_until` hold ISO dates; `at` and `…_at` ISO
/// date-times.
fn pg_type(table: &str, c: &SqliteColumn, rowid: bool) -> &'static str {
    match c.decl_type.as_str() {
        "INTEGER" if rowid || !c.flag => "bigint",
        "INTEGER" => "boolean",
        "REAL" => "double precision",
        "BLOB" => "bytea",
        "TEXT" if c.name == "at" || c.name.ends_with("_at") => "timestamp without time zone",
        "TEXT"
            if c.name.ends_with("_date")
                || c.name.ends_with("_on")
                || c.name.ends_with("_until") =>
        {
            "date"
        }
        "TEXT" => "text",
        other => panic!(
            "{table}.{}: no PostgreSQL type agreed for SQLite's `{other}`: add it here and in \
             src/store/sql/postgres/",
            c.name
        ),
    }
}

/// The PostgreSQL default (as `information_schema.columns` shows it) of a SQLite default.
fn pg_default(table: &str, c: &SqliteColumn, ty: &str) -> Option<String> {
    let d = c.default.as_deref()?;
    Some(match ty {
        "boolean" => match d {
            "1" => "true".into(),
            "0" => "false".into(),
            _ => panic!("{table}.{}: flag default {d}", c.name),
        },
        "text" if d.starts_with('\'') => format!("{d}::text"),
        "bigint" | "double precision" if d.parse::<f64>().is_ok() => d.into(),
        _ => panic!(
            "{table}.{}: no PostgreSQL form agreed for the default `{d}` ({ty}): add it here",
            c.name
        ),
    })
}

#[derive(Debug)]
struct PgColumn {
    name: String,
    data_type: String,
    nullable: bool,
    default: Option<String>,
    identity: bool,
    collation: Option<String>,
    precision: Option<i32>,
}

fn read_pg_columns(client: &mut Client) -> BTreeMap<String, Vec<PgColumn>> {
    let mut tables: BTreeMap<String, Vec<PgColumn>> = BTreeMap::new();
    for r in client
        .query(
            "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text,
                    column_default::text, is_identity::text, collation_name::text,
                    datetime_precision::int
               FROM information_schema.columns
              WHERE table_schema = current_schema()
              ORDER BY table_name, ordinal_position",
            &[],
        )
        .unwrap()
    {
        tables.entry(r.get(0)).or_default().push(PgColumn {
            name: r.get(1),
            data_type: r.get(2),
            nullable: r.get::<_, String>(3) == "YES",
            default: r.get(4),
            identity: r.get::<_, String>(5) == "YES",
            collation: r.get(6),
            precision: r.get(7),
        });
    }
    tables
}

fn read_pg_constraints(client: &mut Client) -> BTreeMap<String, Constraints> {
    let mut tables: BTreeMap<String, Constraints> = BTreeMap::new();
    for r in client
        .query(
            "SELECT c.relname::text, k.contype::text, pg_get_constraintdef(k.oid)
               FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
              WHERE c.relnamespace = current_schema()::regnamespace",
            &[],
        )
        .unwrap()
    {
        let entry = tables.entry(r.get(0)).or_default();
        match r.get::<_, String>(1).as_str() {
            "c" => entry.checks += 1,
            _ => {
                entry.keys.insert(r.get(2));
            }
        }
    }
    for r in client
        .query(
            "SELECT i.tablename::text, i.indexname::text, i.indexdef
               FROM pg_indexes i
              WHERE i.schemaname = current_schema()
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                 WHERE k.conindid = (quote_ident(i.schemaname) || '.' ||
                                                     quote_ident(i.indexname))::regclass)",
            &[],
        )
        .unwrap()
    {
        let def: String = r.get(2);
        let unique = if def.starts_with("CREATE UNIQUE INDEX") {
            "UNIQUE "
        } else {
            ""
        };
        // (PostgreSQL quotes column names that are keywords, such as "position".)
        let columns = def
            .split_once(" USING btree ")
            .map_or(def.as_str(), |(_, c)| c)
            .replace('"', "");
        tables
            .entry(r.get(0))
            .or_default()
            .indexes
            .insert(r.get(1), format!("{unique}{columns}"));
    }
    tables
}

#[test]
fn the_postgres_schema_mirrors_the_sqlite_schema() {
    let Some(url) = pg::fresh_database("schema") else {
        return;
    };
    let mut client = pg::connect(&url);
    migrate_pg_all(&mut client);
    let sqlite = read_sqlite(&sqlite_schema(sqlite_migrations().len()));
    let mut pg_columns = read_pg_columns(&mut client);
    let mut pg_constraints = read_pg_constraints(&mut client);
    let mut problems = Vec::new();

    // What SQLite keeps in its file header.
    let meta = pg_columns.remove("lotse_meta").unwrap_or_default();
    let meta: Vec<(&str, &str, bool)> = meta
        .iter()
        .map(|c| (c.name.as_str(), c.data_type.as_str(), c.nullable))
        .collect();
    if meta != [("key", "text", false), ("value", "text", false)] {
        problems.push(format!(
            "lotse_meta should be (key text PRIMARY KEY, value text NOT NULL), is {meta:?}"
        ));
    }
    pg_constraints.remove("lotse_meta");

    for (table, (columns, constraints)) in &sqlite {
        let Some(pg) = pg_columns.remove(table) else {
            problems.push(format!("table {table} is missing in PostgreSQL"));
            continue;
        };
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        let pg_names: Vec<&str> = pg.iter().map(|c| c.name.as_str()).collect();
        if names != pg_names {
            problems.push(format!(
                "{table}: columns are {names:?} in SQLite but {pg_names:?} in PostgreSQL"
            ));
        }
        let rowid = columns.iter().filter(|c| c.pk > 0).count() == 1
            && columns
                .iter()
                .any(|c| c.pk == 1 && c.decl_type == "INTEGER");
        for c in columns {
            let Some(p) = pg.iter().find(|p| p.name == c.name) else {
                continue;
            };
            let is_rowid = rowid && c.pk == 1;
            let ty = pg_type(table, c, is_rowid);
            let mut differs = |what: &str, want: String, got: String| {
                if want != got {
                    problems.push(format!(
                        "{table}.{}: {what} should be {want}, is {got}",
                        c.name
                    ));
                }
            };
            differs("the type", ty.into(), p.data_type.clone());
            if ty == "timestamp without time zone" {
                differs(
                    "the precision",
                    "Some(0)".into(),
                    format!("{:?}", p.precision),
                );
            }
            differs(
                "NULL allowed",
                (!(c.not_null || c.pk > 0)).to_string(),
                p.nullable.to_string(),
            );
            differs("identity", is_rowid.to_string(), p.identity.to_string());
            differs(
                "the default",
                format!("{:?}", pg_default(table, c, ty)),
                format!("{:?}", p.default),
            );
            differs(
                "the collation",
                format!("{:?}", c.nocase.then_some("nocase")),
                format!("{:?}", p.collation.as_deref()),
            );
        }
        let pg = pg_constraints.remove(table).unwrap_or_default();
        for key in constraints.keys.symmetric_difference(&pg.keys) {
            let side = if constraints.keys.contains(key) {
                "only in SQLite"
            } else {
                "only in PostgreSQL"
            };
            problems.push(format!("{table}: {key} {side}"));
        }
        if constraints.checks != pg.checks {
            problems.push(format!(
                "{table}: {} CHECK constraints in SQLite (not counting 0/1 flags), {} in PostgreSQL",
                constraints.checks, pg.checks
            ));
        }
        if constraints.indexes != pg.indexes {
            problems.push(format!(
                "{table}: indexes {:?} in SQLite, {:?} in PostgreSQL",
                constraints.indexes, pg.indexes
            ));
        }
    }
    for table in pg_columns.keys() {
        problems.push(format!("table {table} is in PostgreSQL but not in SQLite"));
    }
    assert!(
        problems.is_empty(),
        "the PostgreSQL schema (src/store/sql/postgres/) differs from the SQLite one:\n  {}",
        problems.join("\n  ")
    );
    drop(client);
    pg::drop_database(&url);
}

/// 0003 fills `audit.employee_id` from the rows the entries are about: the same rows give
/// the same result on both backends (and the same SQL inserts them).
#[test]
fn the_data_moving_migration_moves_the_same_data_on_both_backends() {
    let Some(url) = pg::fresh_database("data_moving") else {
        return;
    };
    const ROWS: &str = "
        INSERT INTO department (id, code, name) VALUES (1, 'D1', 'Hauptamt');
        INSERT INTO employee (id, personnel_number, first_name, last_name, department_id, entry_date)
             VALUES (7, '0007', 'Anna', 'Özdemir', 1, '2020-01-01'),
                    (8, '0008', 'Bernd', 'Weiß', 1, NULL);
        INSERT INTO seminar (id, code, title) VALUES (3, 'S1', 'E-Akte');
        INSERT INTO session (id, seminar_id, starts_at, ends_at)
             VALUES (4, 3, '2026-03-02T09:00:00', '2026-03-02T13:00:00');
        INSERT INTO attendance (id, session_id, employee_id, status, hours)
             VALUES (5, 4, 8, 'attended', 4);
        INSERT INTO program (id, code, serial_prefix, title_de_male, title_de_female,
                             title_de_neutral, title_en)
             VALUES (2, 'DL', 'DL', 'Digitallotse', 'Digitallotsin', 'Digitallots:in', 'Digital Pilot');
        INSERT INTO certificate (id, serial, program_id, employee_id, serial_year, serial_number,
                                 issued_on, code, snapshot, created_at)
             VALUES (6, 'DL-2026-0001', 2, 7, 2026, 1, '2026-11-20', 'K7M2', '{}', '2026-11-20T10:00:00');
        INSERT INTO audit (id, at, actor, entity, entity_id, action, summary) VALUES
            (1, '2026-01-01T10:00:00', 'anna', 'employee', 7, 'add', 'personnel number 0007'),
            (2, '2026-03-02T13:00:00', 'anna', 'attendance', 5, 'edit', 'attended'),
            (3, '2026-11-20T10:00:00', 'anna', 'certificate', 6, 'issue', 'DL-2026-0001'),
            (4, '2026-03-01T08:00:00', 'anna', 'session', 4, 'add', 'S1'),
            (5, '2026-03-03T08:00:00', 'anna', 'attendance', 99, 'delete', 'gone'),
            (6, '2026-03-04T08:00:00', 'anna', 'setting', NULL, 'edit', 'logo');";
    let expected: Vec<(i64, Option<i64>)> = vec![
        (1, Some(7)),
        (2, Some(8)),
        (3, Some(7)),
        (4, None),
        (5, None),
        (6, None),
    ];

    let sqlite = sqlite_schema(2);
    sqlite.execute_batch(ROWS).unwrap();
    for (name, text) in &sqlite_migrations()[2..] {
        sqlite
            .execute_batch(text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let in_sqlite: Vec<(i64, Option<i64>)> = sqlite
        .prepare("SELECT id, employee_id FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(in_sqlite, expected);

    let mut client = pg::connect(&url);
    migrate_pg(&mut client, 0, 2);
    client.batch_execute(ROWS).unwrap();
    migrate_pg(&mut client, 2, pg_migrations().len());
    let in_pg: Vec<(i64, Option<i64>)> = client
        .query("SELECT id, employee_id FROM audit ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(in_pg, expected);
    drop(client);
    pg::drop_database(&url);
}

// ---------------------------------------------------------------------------------------
// Collations

/// Names in scrambled order; `DIN` is their order by DIN 5007-1 (Ä with A, Ö with O, ß as
/// ss; plain before marked, lower before upper case where the letters are equal).
const NAMES: [&str; 22] = [
    "Zander",
    "Weiß",
    "Özdemir",
    "Ötztal",
    "Ostermann",
    "Weiss",
    "Oswald",
    "Ärger",
    "Abel",
    "abel",
    "Müller-Lüdenscheidt",
    "Müller",
    "Mueller",
    "de Vries",
    "Devries",
    "Dévries",
    "Łukasz",
    "Lukas",
    "Şahin",
    "Sahin",
    "Ahrens",
    "Äbel",
];

#[test]
fn the_collations_behave_as_sqlites() {
    let Some(url) = pg::fresh_database("collations") else {
        return;
    };
    let mut client = pg::connect(&url);
    migrate_pg_all(&mut client);

    // nocase: codes are unique regardless of case, and found regardless of case by the
    // store's own SQL (`code = ?1 COLLATE NOCASE`, which PostgreSQL folds to `nocase`).
    client
        .execute(
            "INSERT INTO department (code, name) VALUES ('abc', 'Hauptamt')",
            &[],
        )
        .unwrap();
    let refused = client
        .execute(
            "INSERT INTO department (code, name) VALUES ('ABC', 'Bauamt')",
            &[],
        )
        .expect_err("'ABC' after 'abc' in a COLLATE nocase UNIQUE column");
    assert_eq!(
        refused.code(),
        Some(&SqlState::UNIQUE_VIOLATION),
        "{refused:?}"
    );
    let found: i64 = client
        .query_one(
            "SELECT count(*) FROM department d WHERE d.code = $1 COLLATE NOCASE",
            &[&"ABC"],
        )
        .unwrap()
        .get(0);
    assert_eq!(found, 1);
    // ... but not regardless of accents, as in SQLite.
    client
        .execute(
            "INSERT INTO department (code, name) VALUES ('äbc', 'Ordnungsamt')",
            &[],
        )
        .unwrap();

    // de: German order as Lotse's own DIN 5007-1 comparison (`text::cmp_de`, SQLite's DE).
    client
        .batch_execute("CREATE TEMPORARY TABLE names (name text)")
        .unwrap();
    for name in NAMES {
        client
            .execute("INSERT INTO names (name) VALUES ($1)", &[&name])
            .unwrap();
    }
    let in_pg: Vec<String> = client
        .query("SELECT name FROM names ORDER BY name COLLATE DE", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let position = |n: &str| in_pg.iter().position(|x| x == n).unwrap();
    let o: Vec<&str> = ["Özdemir", "Ostermann", "Ötztal", "Oswald"]
        .into_iter()
        .collect();
    let mut o_sorted = o.clone();
    o_sorted.sort_by_key(|n| position(n));
    assert_eq!(
        o_sorted,
        ["Ostermann", "Oswald", "Ötztal", "Özdemir"],
        "ICU de-DE should sort Ö as O (DIN 5007-1): {in_pg:?}"
    );
    let mut in_lotse: Vec<&str> = NAMES.to_vec();
    in_lotse.sort_by(|a, b| lotse::text::cmp_de(a, b));
    assert_eq!(
        in_pg, in_lotse,
        "ORDER BY … COLLATE de in PostgreSQL should equal Lotse's DE (text::cmp_de) in SQLite"
    );
    drop(client);
    pg::drop_database(&url);
}

// ---------------------------------------------------------------------------------------
// Roles

const ROLES_SQL: &str = lotse::store::ROLES_SQL;

fn login_role(admin: &mut Client, name: &str, group: &str) {
    admin
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {name};
             CREATE ROLE {name} LOGIN PASSWORD 'test-{name}';
             GRANT {group} TO {name};"
        ))
        .unwrap();
}

fn as_login(url: &str, name: &str) -> Client {
    pg::connect(&pg::with_user(url, name, Some(&format!("test-{name}"))))
}

#[track_caller]
fn refused(result: Result<u64, postgres::Error>, what: &str) {
    let e = result.expect_err(what);
    assert_eq!(
        e.code(),
        Some(&SqlState::INSUFFICIENT_PRIVILEGE),
        "{what}: {e:?}"
    );
}

/// A role name of this test process (roles are the whole server's, not one database's).
fn role_name(what: &str) -> String {
    format!("lotse_t_{what}_{}", std::process::id())
}

#[test]
fn the_roles_script_refuses_a_database_without_lotses_schema() {
    let Some(url) = pg::fresh_database("roles_empty") else {
        return;
    };
    let mut owner = pg::connect(&url);
    let e = owner.batch_execute(ROLES_SQL).expect_err("no schema yet");
    let message = e
        .as_db_error()
        .map(|d| d.message().to_owned())
        .unwrap_or_default();
    assert_eq!(e.code(), Some(&SqlState::RAISE_EXCEPTION), "{e:?}");
    assert!(message.contains("no Lotse schema"), "{message}");
    drop(owner);
    pg::drop_database(&url);
}

#[test]
fn readers_read_and_officers_write_as_the_database_enforces() {
    let Some(url) = pg::fresh_database("roles") else {
        return;
    };
    let mut owner = pg::connect(&url);
    migrate_pg_all(&mut owner);
    owner.batch_execute(ROLES_SQL).expect("roles.sql");
    owner
        .batch_execute(ROLES_SQL)
        .expect("roles.sql, run again");
    owner
        .batch_execute(
            "INSERT INTO lotse_meta (key, value) VALUES ('application', 'lotse'), ('schema_version', '4');
             INSERT INTO employee (personnel_number, first_name, last_name) VALUES ('0001', 'Anna', 'Abel');",
        )
        .unwrap();
    let (reader, officer) = (role_name("reader"), role_name("officer"));
    login_role(&mut owner, &reader, "lotse_reader");
    login_role(&mut owner, &officer, "lotse_officer");

    // A reader reads ...
    let mut r = as_login(&url, &reader);
    let n: i64 = r
        .query_one("SELECT count(*) FROM employee", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    let code: Option<String> = r
        .query_one("SELECT json_extract('{\"a\":{\"b\":\"x\"}}', '$.a.b')", &[])
        .unwrap()
        .get(0);
    assert_eq!(code.as_deref(), Some("x"));
    // ... and PostgreSQL refuses every write.
    refused(
        r.execute(
            "INSERT INTO employee (personnel_number, first_name, last_name) VALUES ('0002', 'Bernd', 'Berg')",
            &[],
        ),
        "a reader's INSERT into employee",
    );
    refused(
        r.execute("UPDATE employee SET first_name = 'X'", &[]),
        "a reader's UPDATE",
    );
    refused(r.execute("DELETE FROM employee", &[]), "a reader's DELETE");
    refused(
        r.execute(
            "INSERT INTO audit (at, actor, entity, action, summary) VALUES (now(), 'r', 'employee', 'add', '')",
            &[],
        ),
        "a reader's audit entry",
    );
    refused(
        r.execute("INSERT INTO setting (key, value) VALUES ('x', NULL)", &[]),
        "a reader's setting",
    );

    // An officer inserts, updates and deletes employees and adds audit entries, with the
    // store's own SQL text (placeholders as the driver turns them into $N).
    let mut o = as_login(&url, &officer);
    let id: i64 = o
        .query_one(
            "INSERT INTO employee (personnel_number, first_name, last_name, entry_date)
             VALUES ($1, $2, $3, '2024-01-01') RETURNING id",
            &[&"0002", &"Bernd", &"Berg"],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        o.execute(
            "UPDATE employee SET job_title = $2 WHERE id = $1",
            &[&id, &"Sachbearbeiter"]
        )
        .unwrap(),
        1
    );
    let entry: i64 = o
        .query_one(
            "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
             VALUES (localtimestamp(0), current_user, 'employee', $1, 'add', $2, $1) RETURNING id",
            &[&id, &"personnel number 0002"],
        )
        .unwrap()
        .get(0);
    // An erasure (store/privacy.rs: rewrite_audit) rewrites the summary and whose it is ...
    assert_eq!(
        o.execute(
            "UPDATE audit SET summary = $2, employee_id = $3 WHERE id = $1",
            &[&entry, &"erased person", &None::<i64>],
        )
        .unwrap(),
        1
    );
    assert_eq!(
        o.execute("DELETE FROM employee WHERE id = $1", &[&id])
            .unwrap(),
        1
    );
    o.execute(
        "INSERT INTO setting (key, value) VALUES ('logo_mime', 'image/png')",
        &[],
    )
    .unwrap();
    // ... but nobody but the owner changes who did what when, or deletes an entry ...
    refused(
        o.execute(
            "UPDATE audit SET actor = 'someone else' WHERE id = $1",
            &[&entry],
        ),
        "an officer changing an audit entry's actor",
    );
    refused(
        o.execute("UPDATE audit SET at = at - interval '1 day'", &[]),
        "an officer changing an audit entry's time",
    );
    refused(
        o.execute("DELETE FROM audit WHERE id = $1", &[&entry]),
        "an officer deleting an audit entry",
    );
    refused(
        o.execute("TRUNCATE audit", &[]),
        "an officer emptying the audit log",
    );
    // ... the schema version, or the schema.
    refused(
        o.execute(
            "UPDATE lotse_meta SET value = '99' WHERE key = 'schema_version'",
            &[],
        ),
        "an officer changing the schema version",
    );
    refused(
        o.execute("CREATE TABLE mine (x int)", &[]),
        "an officer creating a table",
    );
    refused(
        o.execute("DROP TABLE employee", &[]),
        "an officer dropping a table",
    );

    // A table a later migration adds (run by the owner) is covered by the default
    // privileges, before roles.sql is run again.
    owner
        .batch_execute(
            "CREATE TABLE later_table (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, x text)",
        )
        .unwrap();
    o.execute("INSERT INTO later_table (x) VALUES ('a')", &[])
        .unwrap();
    let n: i64 = r
        .query_one("SELECT count(*) FROM later_table", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    refused(
        r.execute("INSERT INTO later_table (x) VALUES ('b')", &[]),
        "a reader's INSERT into a later table",
    );

    drop((r, o, owner));
    pg::drop_database(&url);
    drop_roles(&[&reader, &officer]);
}

/// The script grants on the current schema, which need not be `public`.
#[test]
fn the_roles_script_grants_on_the_current_schema() {
    let Some(url) = pg::fresh_database("roles_schema") else {
        return;
    };
    let mut owner = pg::connect(&url);
    owner
        .batch_execute("CREATE SCHEMA amt; SET search_path = amt")
        .unwrap();
    migrate_pg_all(&mut owner);
    owner.batch_execute(ROLES_SQL).expect("roles.sql in amt");
    let (reader, officer) = (role_name("reader_amt"), role_name("officer_amt"));
    login_role(&mut owner, &reader, "lotse_reader");
    login_role(&mut owner, &officer, "lotse_officer");
    owner
        .batch_execute(&format!(
            "ALTER ROLE {reader} SET search_path = amt; ALTER ROLE {officer} SET search_path = amt"
        ))
        .unwrap();
    let mut o = as_login(&url, &officer);
    o.execute(
        "INSERT INTO employee (personnel_number, first_name, last_name) VALUES ('1', 'Anna', 'Abel')",
        &[],
    )
    .unwrap();
    let mut r = as_login(&url, &reader);
    let n: i64 = r
        .query_one("SELECT count(*) FROM employee", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    refused(
        r.execute("DELETE FROM employee", &[]),
        "a reader's DELETE in schema amt",
    );
    drop((r, o, owner));
    pg::drop_database(&url);
    drop_roles(&[&reader, &officer]);
}

fn drop_roles(roles: &[&str]) {
    if let Some(admin) = pg::url() {
        let mut admin = pg::connect(&admin);
        for role in roles {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The test server itself

/// Run as a child process by the next test: starts this process's own server, says where
/// it is, and ends.
#[test]
fn own_server_child() {
    if std::env::var_os("LOTSE_PG_CHILD").is_none() {
        return;
    }
    let url = pg::url().expect("a server of its own");
    let mut client = pg::connect(&url);
    let one: i32 = client.query_one("SELECT 1", &[]).unwrap().get(0);
    assert_eq!(one, 1);
    let dir = pg::own_server_dir().expect("its folder");
    let pid = std::fs::read_to_string(dir.join("data/postmaster.pid")).unwrap();
    println!(
        "LOTSE_PG_DIR={}\nLOTSE_PG_PID={}",
        dir.display(),
        pid.lines().next().unwrap()
    );
}

/// A server the tests start is stopped, and its folder deleted, when the test process
/// ends — statics are never dropped, so a watchdog does it.
#[test]
fn the_server_a_test_process_starts_is_stopped_when_it_ends() {
    if !pg::can_start_own() {
        pg::skipped();
        return;
    }
    let started = Instant::now();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "own_server_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("LOTSE_PG_CHILD", "1")
        .env_remove("LOTSE_TEST_PG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value = |key: &str| {
        stdout
            .lines()
            .find_map(|l| l.split_once(key).map(|(_, value)| value))
            .unwrap_or_else(|| panic!("no {key} in {stdout}"))
            .to_owned()
    };
    let dir = PathBuf::from(value("LOTSE_PG_DIR="));
    let pid = value("LOTSE_PG_PID=");
    let deadline = Instant::now() + Duration::from_secs(30);
    while (alive(&pid) || dir.exists()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !alive(&pid),
        "the postmaster {pid} still runs after its test process ended"
    );
    assert!(!dir.exists(), "{} is still there", dir.display());
    eprintln!(
        "a test server started, served and was gone {:?} after its process started",
        started.elapsed()
    );
}

/// Whether the process runs (a zombie nobody reaped yet does not).
fn alive(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z') && !rest.starts_with('X')),
        Err(_) => Command::new("kill")
            .args(["-0", pid])
            .status()
            .is_ok_and(|s| s.success()),
    }
}

/// The set-up the README describes, with a real erasure (DSGVO Art. 17): a superuser makes
/// the database, its owner (no superuser, no CREATEROLE) and the group roles; the owner
/// opens it with Lotse (which creates the schema), adds a person and runs the roles
/// script; an officer erases the person through Lotse with only the officer's rights (the
/// audit entries about them are rewritten, the erasure is logged under the officer's
/// name); a reader's change through Lotse is refused.
#[test]
fn an_officer_can_erase_a_person_and_a_reader_cannot_change_anything() {
    use lotse::model::EmployeeInput;
    use lotse::service::privacy::{self, ErasureMode};
    use lotse::service::{Database, employees};

    let Some(url) = pg::fresh_database("erasure") else {
        return;
    };
    let (owner, reader, officer) = (
        role_name("owner_e2e"),
        role_name("reader_e2e"),
        role_name("officer_e2e"),
    );
    let login_url = |name: &str| pg::with_user(&url, name, Some(&format!("test-{name}")));
    let mut admin = pg::connect(&pg::url().unwrap());
    admin
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {owner};
             CREATE ROLE {owner} LOGIN PASSWORD 'test-{owner}';
             ALTER DATABASE \"{}\" OWNER TO {owner};
             DO $$ BEGIN CREATE ROLE lotse_officer NOLOGIN;
                   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
             DO $$ BEGIN CREATE ROLE lotse_reader NOLOGIN;
                   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;",
            pg::database_of(&url).unwrap()
        ))
        .unwrap();
    login_role(&mut admin, &reader, "lotse_reader");
    login_role(&mut admin, &officer, "lotse_officer");

    let mut db =
        Database::open(Path::new(&login_url(&owner))).expect("Lotse opens the empty database");
    let person = employees::add(
        &mut db,
        &EmployeeInput {
            personnel_number: "PN-4711".into(),
            first_name: "Xaverine".into(),
            last_name: "Quappendorf".into(),
            email: "xq@stadt.example".into(),
            ..Default::default()
        },
    )
    .unwrap();
    drop(db);
    let mut as_owner = as_login(&url, &owner);
    let tables_owner: String = as_owner
        .query_one(
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'employee'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables_owner, owner);
    as_owner
        .batch_execute(ROLES_SQL)
        .expect("roles.sql by the owner");

    let mut as_reader = Database::open(Path::new(&login_url(&reader))).expect("a reader opens it");
    let refused = employees::add(
        &mut as_reader,
        &EmployeeInput {
            personnel_number: "0002".into(),
            first_name: "Bernd".into(),
            last_name: "Berg".into(),
            ..Default::default()
        },
    );
    assert!(refused.is_err(), "a reader added an employee");
    drop(as_reader);

    let mut as_officer =
        Database::open(Path::new(&login_url(&officer))).expect("an officer opens it");
    let report = privacy::erase(&mut as_officer, person, ErasureMode::Delete)
        .expect("an officer erases a person");
    assert!(report.audit_entries >= 1, "{report:?}");
    drop(as_officer);

    let naming: i64 = as_owner
        .query_one(
            "SELECT count(*) FROM audit WHERE strpos(summary, 'PN-4711') > 0
                OR strpos(summary, 'Quappendorf') > 0",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(naming, 0, "audit entries still name the erased person");
    let people: i64 = as_owner
        .query_one("SELECT count(*) FROM employee", &[])
        .unwrap()
        .get(0);
    assert_eq!(people, 0);
    let last_actor: String = as_owner
        .query_one("SELECT actor FROM audit ORDER BY id DESC LIMIT 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(last_actor, officer);
    drop((as_owner, admin));
    pg::drop_database(&url);
    drop_roles(&[&reader, &officer, &owner]);
}

/// Lotse's TLS (rustls) fits the client: `sslmode=prefer` falls back to a plain
/// connection on the test server (which has no TLS), `sslmode=require` is refused rather
/// than sent in the clear, with a sentence that says what to do.
#[test]
fn the_tls_connector_fits_the_client() {
    let Some(url) = pg::fresh_database("tls") else {
        return;
    };
    let with = |mode: &str| {
        let sep = if url.contains('?') { '&' } else { '?' };
        PathBuf::from(format!("{url}{sep}sslmode={mode}"))
    };
    let db = lotse::service::Database::open(&with("prefer")).expect("sslmode=prefer");
    drop(db);
    let err = lotse::service::Database::open(&with("require"))
        .err()
        .expect("sslmode=require without TLS on the server");
    assert_eq!(err.user_message(), lotse::i18n::t("error-server-tls"));
    pg::drop_database(&url);
}
