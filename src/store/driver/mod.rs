//! The one way store code runs SQL, whichever database is underneath: [`Conn`] is a
//! borrowed connection to SQLite or PostgreSQL, [`Row`] a result row, [`Value`] what goes in
//! and comes out. Store code writes its SQL once, with SQLite's `?1` placeholders; for
//! PostgreSQL they become `$1` (see [`pg`]), and values are converted to and from the
//! column types PostgreSQL reports (dates, date-times and flags read as SQLite stores them:
//! ISO text and 0/1).

mod pg;
mod value;

pub(crate) use pg::PgConn;
pub(crate) use value::{FromValue, ToValue, Value};

use crate::error::{Error, Result};

/// The parameters of one statement, as `params![a, b]` makes them.
pub(crate) type Params<'p> = &'p [&'p dyn ToValue];

/// `params![a, b, …]`: the parameters of a statement, in the order of `?1`, `?2`, ….
macro_rules! params {
    () => {
        &[] as $crate::store::driver::Params<'_>
    };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::store::driver::ToValue),+] as $crate::store::driver::Params<'_>
    };
}
pub(crate) use params;

/// Parameters collected at run time (a filter's conditions), as [`Params`].
pub(crate) fn dynamic(values: &[Value]) -> Vec<&dyn ToValue> {
    values.iter().map(|v| v as &dyn ToValue).collect()
}

/// Which database a connection speaks to, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

/// A borrowed connection (or the connection of an open transaction).
#[derive(Clone, Copy)]
pub enum Conn<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a PgConn),
}

impl<'a> Conn<'a> {
    pub(crate) fn backend(self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }

    /// Calls `f` with every row of the result, in order.
    pub(crate) fn for_each(
        self,
        sql: &str,
        params: Params<'_>,
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(
                    params.iter().map(|p| p.to_value()),
                ))?;
                while let Some(r) = rows.next()? {
                    f(&Row(RowInner::Sqlite(r)))?;
                }
                Ok(())
            }
            Conn::Postgres(pg) => {
                for r in pg.query(sql, params)? {
                    f(&Row(RowInner::Postgres(&r)))?;
                }
                Ok(())
            }
        }
    }

    /// Every row of the result, mapped by `map`.
    pub(crate) fn query<T>(
        self,
        sql: &str,
        params: Params<'_>,
        mut map: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.for_each(sql, params, |r| {
            out.push(map(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of the result, mapped by `map`; `None` when there is none.
    pub(crate) fn query_opt<T>(
        self,
        sql: &str,
        params: Params<'_>,
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(
                    params.iter().map(|p| p.to_value()),
                ))?;
                match rows.next()? {
                    Some(r) => map(&Row(RowInner::Sqlite(r))).map(Some),
                    None => Ok(None),
                }
            }
            Conn::Postgres(pg) => match pg.query(sql, params)?.first() {
                Some(r) => map(&Row(RowInner::Postgres(r))).map(Some),
                None => Ok(None),
            },
        }
    }

    /// The first row of a result that always has one (an aggregate, `EXISTS`), mapped.
    pub(crate) fn query_one<T>(
        self,
        sql: &str,
        params: Params<'_>,
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, map)?
            .ok_or_else(|| Error::Backend(format!("no row from: {}", first_line(sql))))
    }

    /// The single value of a one-row, one-column result.
    pub(crate) fn value<T: FromValue>(self, sql: &str, params: Params<'_>) -> Result<T> {
        self.query_one(sql, params, |r| r.get(0))
    }

    /// Runs a statement that returns no rows; the number of rows it changed.
    pub(crate) fn execute(self, sql: &str, params: Params<'_>) -> Result<usize> {
        match self {
            Conn::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(
                params.iter().map(|p| p.to_value()),
            ))?),
            Conn::Postgres(pg) => pg.execute(sql, params),
        }
    }

    /// Runs an `INSERT … RETURNING id` and gives the new row's id.
    pub(crate) fn insert(self, sql: &str, params: Params<'_>) -> Result<i64> {
        debug_assert!(sql.contains("RETURNING"), "insert without RETURNING: {sql}");
        self.value(sql, params)
    }

    /// Runs several statements without parameters (migrations, DDL).
    #[allow(dead_code)]
    pub(crate) fn execute_batch(self, sql: &str) -> Result<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(pg) => pg.execute_batch(sql),
        }
    }
}

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or_default()
}

/// One row of a result.
pub(crate) struct Row<'a>(RowInner<'a>);

enum RowInner<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// Column `idx` (from 0) as a `T`.
    pub(crate) fn get<T: FromValue>(&self, idx: usize) -> Result<T> {
        let value = match &self.0 {
            RowInner::Sqlite(r) => Value::from(r.get_ref(idx)?),
            RowInner::Postgres(r) => pg::column(r, idx)?,
        };
        T::from_value(value).map_err(|found| mismatch::<T>(idx, &found))
    }

    /// Column `idx` as text handed to `f` without copying it (where the backend allows):
    /// for bulk reads of codes and dates. `None` for NULL or a column that is not text.
    pub(crate) fn with_text<T>(&self, idx: usize, f: impl FnOnce(Option<&str>) -> T) -> Result<T> {
        match &self.0 {
            RowInner::Sqlite(r) => Ok(f(r.get_ref(idx)?.as_str().ok())),
            RowInner::Postgres(r) => match pg::column(r, idx)? {
                Value::Text(t) => Ok(f(Some(&t))),
                _ => Ok(f(None)),
            },
        }
    }
}

fn mismatch<T>(idx: usize, found: &Value) -> Error {
    Error::Backend(format!(
        "column {idx}: expected {}, found {found}",
        std::any::type_name::<T>()
    ))
}
