//! [`Value`]: a parameter or a column, in SQLite's five storage classes, which both
//! backends are mapped to; [`ToValue`] and [`FromValue`] convert Rust values.

use std::fmt;

/// A parameter or a column value. PostgreSQL's dates and date-times arrive as ISO text
/// (`2026-12-06`, `2026-12-06T09:00:00`) and its booleans as 0 or 1, as SQLite stores them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Value::Null => "NULL",
            Value::Int(_) => "an integer",
            Value::Real(_) => "a real number",
            Value::Text(_) => "text",
            Value::Blob(_) => "bytes",
        })
    }
}

impl From<rusqlite::types::ValueRef<'_>> for Value {
    fn from(v: rusqlite::types::ValueRef<'_>) -> Value {
        use rusqlite::types::ValueRef as V;
        match v {
            V::Null => Value::Null,
            V::Integer(i) => Value::Int(i),
            V::Real(r) => Value::Real(r),
            V::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            V::Blob(b) => Value::Blob(b.to_vec()),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef as V};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => V::Null,
            Value::Int(i) => V::Integer(*i),
            Value::Real(r) => V::Real(*r),
            Value::Text(t) => V::Text(t.as_bytes()),
            Value::Blob(b) => V::Blob(b),
        }))
    }
}

/// A Rust value as a statement parameter.
pub(crate) trait ToValue {
    fn to_value(&self) -> Value;
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

macro_rules! int_to_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
int_to_value!(i64, i32, u32, i16, u16, u8, bool);

impl ToValue for usize {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToValue for u64 {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

/// A column value as a Rust value; `Err` names what was found instead.
pub(crate) trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, Value>;
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self, Value> {
        Ok(v)
    }
}

impl FromValue for i64 {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Int(i) => Ok(i),
            v => Err(v),
        }
    }
}

macro_rules! int_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, Value> {
                match v {
                    Value::Int(i) => <$t>::try_from(i).map_err(|_| Value::Int(i)),
                    v => Err(v),
                }
            }
        }
    )*};
}
int_from_value!(i32, u32, u16, u8, usize, u64);

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Int(i) => Ok(i != 0),
            v => Err(v),
        }
    }
}

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Real(r) => Ok(r),
            // SQLite keeps a whole REAL such as 8.0 as an integer.
            #[allow(clippy::cast_precision_loss)]
            Value::Int(i) => Ok(i as f64),
            v => Err(v),
        }
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Text(t) => Ok(t),
            Value::Blob(b) => String::from_utf8(b).map_err(|e| Value::Blob(e.into_bytes())),
            v => Err(v),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> Result<Self, Value> {
        match v {
            Value::Blob(b) => Ok(b),
            Value::Text(t) => Ok(t.into_bytes()),
            v => Err(v),
        }
    }
}
