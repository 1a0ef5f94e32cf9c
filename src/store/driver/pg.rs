//! The PostgreSQL side of the driver: one client, its prepared statements cached by SQL
//! text, `?N` placeholders rewritten to `$N`, and values converted to and from the
//! parameter and column types the server reports.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use bytes::BytesMut;
use chrono::{NaiveDate, NaiveDateTime};
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, Statement};

use super::{Params, Value};
use crate::error::{Error, Result};

/// How date-times are kept as text (the same as in SQLite).
pub(crate) const DATETIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
const DATE_FORMAT: &str = "%Y-%m-%d";

/// A connection to a PostgreSQL database.
pub struct PgConn {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
    /// This connection's server process.
    pid: i32,
    /// The server process whose announcements the store's listeners ignore: this
    /// connection's, shared with them, and moved on when the store connects again.
    announcing: Arc<AtomicI32>,
    /// The process id that names the channel on which listeners are told that the store
    /// closed (the first connection's, kept when the store connects again).
    closing: i32,
    /// Transactions this connection committed with changes.
    commits: std::cell::Cell<u64>,
    /// Whether a listener was made for this connection (it is told when this one closes).
    listened: std::cell::Cell<bool>,
}

impl PgConn {
    /// Wraps a connected client.
    pub(crate) fn new(mut client: Client) -> Result<PgConn> {
        let pid: i32 = client.query_one("SELECT pg_backend_pid()", &[])?.get(0);
        Ok(PgConn {
            client: RefCell::new(client),
            statements: RefCell::default(),
            pid,
            announcing: Arc::new(AtomicI32::new(pid)),
            closing: pid,
            commits: std::cell::Cell::new(0),
            listened: std::cell::Cell::new(false),
        })
    }

    /// The process whose announcements listeners ignore (see `store::listen`), as it is
    /// now and after the store connected again.
    pub(crate) fn announcing(&self) -> Arc<AtomicI32> {
        Arc::clone(&self.announcing)
    }

    /// The process id that names the channel on which listeners hear that it closed.
    pub(crate) fn closing(&self) -> i32 {
        self.closing
    }

    /// Whether the connection is gone (the server restarted, or ended it): every
    /// statement would fail.
    pub(crate) fn is_lost(&self) -> bool {
        let mut client = self.client.borrow_mut();
        client.is_closed() || client.is_valid(std::time::Duration::from_secs(5)).is_err()
    }

    /// Takes over from `lost`, the connection this one replaces: its listeners go on
    /// ignoring this connection's announcements and hear when it closes.
    pub(crate) fn succeed(&mut self, lost: &PgConn) {
        self.announcing = lost.announcing();
        self.announcing.store(self.pid, Ordering::Relaxed);
        self.closing = lost.closing;
        self.listened.set(lost.listened.get());
        // The lost connection cannot tell anybody anything any more.
        lost.listened.set(false);
    }

    /// Notes that a listener waits for others' changes on this connection's behalf: when
    /// this connection closes, it tells the listener to stop.
    pub(crate) fn note_listener(&self) {
        self.listened.set(true);
    }

    /// Notes a committed transaction with changes (see [`PgConn::commits`]).
    pub(crate) fn committed(&self) {
        self.commits.set(self.commits.get() + 1);
    }

    /// How many transactions with changes this connection committed.
    pub(crate) fn commits(&self) -> u64 {
        self.commits.get()
    }

    fn statement(&self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = self.client.borrow_mut().prepare(&placeholders(sql))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), prepared.clone());
        Ok(prepared)
    }

    /// Every row of the result. The rows are fetched whole before any is looked at, so
    /// that code reading them may run further queries on the same connection.
    pub(crate) fn query(&self, sql: &str, params: Params<'_>) -> Result<Vec<postgres::Row>> {
        let statement = self.statement(sql)?;
        let values = values(params);
        Ok(self.client.borrow_mut().query(&statement, &refs(&values))?)
    }

    pub(crate) fn execute(&self, sql: &str, params: Params<'_>) -> Result<usize> {
        let statement = self.statement(sql)?;
        let values = values(params);
        let n = self
            .client
            .borrow_mut()
            .execute(&statement, &refs(&values))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    /// Forgets the prepared statements (after the schema changed).
    pub(crate) fn forget_statements(&self) {
        self.statements.borrow_mut().clear();
    }
}

impl Drop for PgConn {
    /// Tells this connection's listeners (see `store::listen`) that it closes, so that
    /// they stop waiting and close their connections too.
    fn drop(&mut self) {
        if self.listened.get() {
            let closing = crate::store::listen::closing_channel(self.closing);
            if let Err(e) = self
                .client
                .get_mut()
                .batch_execute(&format!("NOTIFY {closing}"))
            {
                log::debug!("listeners not told of the closing connection: {e}");
            }
        }
    }
}

fn values(params: Params<'_>) -> Vec<Value> {
    params.iter().map(|p| p.to_value()).collect()
}

fn refs(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// SQLite's `?1` (and bare `?`) placeholders as PostgreSQL's `$1`; text in quotes is left
/// alone.
pub(crate) fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    let mut next_bare = 0;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => {
                out.push('$');
                if chars.peek().is_some_and(char::is_ascii_digit) {
                    while let Some(d) = chars.next_if(char::is_ascii_digit) {
                        out.push(d);
                    }
                } else {
                    next_bare += 1;
                    out.push_str(&next_bare.to_string());
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// Column `idx` of a PostgreSQL row as a [`Value`].
pub(super) fn column(row: &postgres::Row, idx: usize) -> Result<Value> {
    Ok(row.try_get::<_, PgValue>(idx)?.0)
}

/// Any column, converted to a [`Value`] by its type.
struct PgValue(Value);

type Boxed = Box<dyn StdError + Sync + Send>;

impl<'a> FromSql<'a> for PgValue {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> std::result::Result<Self, Boxed> {
        let v = match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Value::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::OID => Value::Int(i64::from(u32::from_sql(ty, raw)?)),
            Type::BOOL => Value::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::NUMERIC => numeric(raw)?,
            Type::DATE => Value::Text(
                NaiveDate::from_sql(ty, raw)?
                    .format(DATE_FORMAT)
                    .to_string(),
            ),
            Type::TIMESTAMP => Value::Text(
                NaiveDateTime::from_sql(ty, raw)?
                    .format(DATETIME_FORMAT)
                    .to_string(),
            ),
            Type::BYTEA => Value::Blob(raw.to_vec()),
            _ => Value::Text(String::from_sql(ty, raw)?),
        };
        Ok(PgValue(v))
    }

    fn from_sql_null(_: &Type) -> std::result::Result<Self, Boxed> {
        Ok(PgValue(Value::Null))
    }

    fn accepts(ty: &Type) -> bool {
        matches!(
            *ty,
            Type::INT8
                | Type::INT4
                | Type::INT2
                | Type::OID
                | Type::BOOL
                | Type::FLOAT8
                | Type::FLOAT4
                | Type::NUMERIC
                | Type::DATE
                | Type::TIMESTAMP
                | Type::BYTEA
        ) || <String as FromSql>::accepts(ty)
    }
}

/// PostgreSQL's binary NUMERIC (what `sum` of integers gives): an integer when it has no
/// fraction, else a real number.
fn numeric(raw: &[u8]) -> std::result::Result<Value, Boxed> {
    let word = |i: usize| -> std::result::Result<i16, Boxed> {
        raw.get(i * 2..i * 2 + 2)
            .map(|b| i16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| "short NUMERIC".into())
    };
    let ndigits = usize::try_from(word(0)?).map_err(|_| "bad NUMERIC")?;
    let weight = i32::from(word(1)?);
    let sign = word(2)? as u16;
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let mut int: i128 = 0;
    let mut real = 0.0_f64;
    let mut whole = true;
    for i in 0..ndigits {
        let digit = i32::from(word(4 + i)?);
        let power = weight - i32::try_from(i).unwrap_or(0);
        real += f64::from(digit) * 10_000_f64.powi(power);
        if power >= 0 {
            int += i128::from(digit) * 10_000_i128.pow(power.unsigned_abs());
        } else if digit != 0 {
            whole = false;
        }
    }
    let negative = sign == 0x4000;
    Ok(match i64::try_from(if negative { -int } else { int }) {
        Ok(i) if whole => Value::Int(i),
        _ => Value::Real(if negative { -real } else { real }),
    })
}

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Boxed> {
        if *self == Value::Null {
            return Ok(IsNull::Yes);
        }
        let mismatch = || -> Boxed { format!("cannot pass {self} as {ty}").into() };
        match *ty {
            Type::INT8 => self.int().ok_or_else(mismatch)?.to_sql(ty, out),
            Type::INT4 => i32::try_from(self.int().ok_or_else(mismatch)?)?.to_sql(ty, out),
            Type::INT2 => i16::try_from(self.int().ok_or_else(mismatch)?)?.to_sql(ty, out),
            Type::BOOL => (self.int().ok_or_else(mismatch)? != 0).to_sql(ty, out),
            Type::FLOAT8 => self.real().ok_or_else(mismatch)?.to_sql(ty, out),
            #[allow(clippy::cast_possible_truncation)]
            Type::FLOAT4 => (self.real().ok_or_else(mismatch)? as f32).to_sql(ty, out),
            Type::DATE => {
                let text = self.text().ok_or_else(mismatch)?;
                let day = text.get(..10).unwrap_or(text);
                NaiveDate::parse_from_str(day, DATE_FORMAT)?.to_sql(ty, out)
            }
            Type::TIMESTAMP => datetime(self.text().ok_or_else(mismatch)?)?.to_sql(ty, out),
            Type::BYTEA => match self {
                Value::Blob(b) => b.as_slice().to_sql(ty, out),
                Value::Text(t) => t.as_bytes().to_sql(ty, out),
                _ => Err(mismatch()),
            },
            _ => match self {
                Value::Text(t) => t.as_str().to_sql(ty, out),
                Value::Int(i) => i.to_string().as_str().to_sql(ty, out),
                Value::Real(r) => r.to_string().as_str().to_sql(ty, out),
                _ => Err(mismatch()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl Value {
    fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    fn real(&self) -> Option<f64> {
        match self {
            Value::Real(r) => Some(*r),
            #[allow(clippy::cast_precision_loss)]
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A date-time as the store writes it (`2026-12-06T09:00:00`), also with a space, without
/// seconds, or a bare date (midnight).
fn datetime(text: &str) -> std::result::Result<NaiveDateTime, Boxed> {
    for format in [
        DATETIME_FORMAT,
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(dt);
        }
    }
    Ok(NaiveDate::parse_from_str(text, DATE_FORMAT)?
        .and_hms_opt(0, 0, 0)
        .ok_or("no midnight")?)
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Self {
        Error::Server(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_dollars_outside_quotes() {
        assert_eq!(
            placeholders("SELECT ?1, '?2', \"a?\" FROM t WHERE x = ?12 AND y = ?"),
            "SELECT $1, '?2', \"a?\" FROM t WHERE x = $12 AND y = $1"
        );
    }

    #[test]
    fn numeric_binary_reads_as_integer_or_real() {
        // 12345678: ndigits 2, weight 1, sign +, dscale 0, digits 1234 5678
        let raw = [0, 2, 0, 1, 0, 0, 0, 0, 0x04, 0xD2, 0x16, 0x2E];
        assert_eq!(numeric(&raw).unwrap(), Value::Int(12_345_678));
        // -1.5: ndigits 2, weight 0, sign -, dscale 1, digits 1 5000
        let raw = [0, 2, 0, 0, 0x40, 0, 0, 1, 0, 1, 0x13, 0x88];
        assert_eq!(numeric(&raw).unwrap(), Value::Real(-1.5));
        // 0: no digits
        assert_eq!(numeric(&[0, 0, 0, 0, 0, 0, 0, 0]).unwrap(), Value::Int(0));
    }

    #[test]
    fn datetimes_in_every_stored_form() {
        let want = NaiveDate::from_ymd_opt(2026, 12, 6)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        assert_eq!(datetime("2026-12-06T09:30:00").unwrap(), want);
        assert_eq!(datetime("2026-12-06 09:30").unwrap(), want);
        assert_eq!(
            datetime("2026-12-06").unwrap(),
            want.date().and_hms_opt(0, 0, 0).unwrap()
        );
    }
}
