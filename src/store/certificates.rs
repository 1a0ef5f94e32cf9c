use super::driver::{Backend, Conn, Row, ToValue, params};
use chrono::{NaiveDate, NaiveDateTime};

use super::{Tx, date_from_sql, date_to_sql};
use crate::error::{Error, Result};
use crate::model::{Certificate, CertificateId, EmployeeId, ProgramId};

pub use crate::model::CertificateRow;

/// Which certificates a list shows.
#[derive(Debug, Clone, Default)]
pub struct CertificateFilter {
    pub program: Option<ProgramId>,
    pub employee: Option<EmployeeId>,
}

/// What is written when a certificate is issued.
#[derive(Debug, Clone)]
pub struct NewCertificate<'a> {
    pub serial: &'a str,
    pub program_id: ProgramId,
    pub employee_id: EmployeeId,
    pub serial_year: i32,
    pub serial_number: u32,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub signatory_name: &'a str,
    pub signatory_title: &'a str,
    pub code: &'a str,
    pub snapshot: &'a str,
    pub logo_asset_id: Option<i64>,
    /// The signed QR payload (`None` only for certificates issued before signing).
    pub signed_payload: Option<&'a str>,
}

const COLUMNS: &str = "c.id, c.serial, c.program_id, c.employee_id, c.serial_year, c.serial_number,
     c.issued_on, c.valid_until, c.signatory_name, c.signatory_title, c.code, c.snapshot,
     c.logo_asset_id, c.revoked_on, c.revocation_reason, c.superseded_by,
     (SELECT substr(n.created_at, 1, 10) FROM certificate n WHERE n.id = c.superseded_by),
     c.created_at, c.signed_payload";

/// What a [`CertificateRow`] adds to [`COLUMNS`], and the tables it comes from.
const ROW_JOIN: &str = "e.personnel_number,
     coalesce(json_extract(c.snapshot, '$.first_name'), e.first_name),
     coalesce(json_extract(c.snapshot, '$.last_name'), e.last_name),
     e.department_id, p.code
       FROM certificate c
       JOIN employee e ON e.id = c.employee_id
       JOIN program p ON p.id = c.program_id";

fn required_date(r: &Row<'_>, i: usize) -> Result<NaiveDate> {
    date_from_sql(r.get(i)?).ok_or_else(|| Error::Backend(format!("column {i}: not a date")))
}

fn certificate_from_row(r: &Row<'_>) -> Result<Certificate> {
    let created: String = r.get(17)?;
    Ok(Certificate {
        id: CertificateId(r.get(0)?),
        serial: r.get(1)?,
        program_id: ProgramId(r.get(2)?),
        employee_id: EmployeeId(r.get(3)?),
        serial_year: r.get(4)?,
        serial_number: r.get(5)?,
        issued_on: required_date(r, 6)?,
        valid_until: date_from_sql(r.get(7)?),
        signatory_name: r.get(8)?,
        signatory_title: r.get(9)?,
        code: r.get(10)?,
        snapshot: r.get(11)?,
        logo_asset_id: r.get(12)?,
        revoked_on: date_from_sql(r.get(13)?),
        revocation_reason: r.get(14)?,
        superseded_by: r.get::<Option<i64>>(15)?.map(CertificateId),
        superseded_on: date_from_sql(r.get(16)?),
        created_at: NaiveDateTime::parse_from_str(&created, "%Y-%m-%dT%H:%M:%S")
            .unwrap_or_default(),
        signed_payload: r.get(18)?,
    })
}

fn row_from_row(r: &Row<'_>) -> Result<CertificateRow> {
    Ok(CertificateRow {
        certificate: certificate_from_row(r)?,
        personnel_number: r.get(19)?,
        first_name: r.get(20)?,
        last_name: r.get(21)?,
        department_id: r.get(22)?,
        program_code: r.get(23)?,
    })
}

fn one(conn: Conn<'_>, clause: &str, value: &dyn ToValue) -> Result<Option<Certificate>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM certificate c WHERE {clause}"),
        params![value],
        certificate_from_row,
    )
}

pub(super) fn rows(conn: Conn<'_>, filter: &CertificateFilter) -> Result<Vec<CertificateRow>> {
    let rows = conn.query(
        &format!(
            "SELECT {COLUMNS}, {ROW_JOIN}
          WHERE (c.program_id = ?1 OR ?1 IS NULL) AND (c.employee_id = ?2 OR ?2 IS NULL)
          ORDER BY p.code, c.serial_year DESC, c.serial_number DESC"
        ),
        params![filter.program.map(|p| p.0), filter.employee.map(|e| e.0)],
        row_from_row,
    )?;
    Ok(rows)
}

/// Every certificate, in id order.
pub(super) fn all(conn: Conn<'_>) -> Result<Vec<Certificate>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM certificate c ORDER BY c.id"),
        params![],
        certificate_from_row,
    )?;
    Ok(rows)
}

/// The certificates of one employee, in id order.
pub(super) fn of_employee(conn: Conn<'_>, employee: EmployeeId) -> Result<Vec<Certificate>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM certificate c WHERE c.employee_id = ?1 ORDER BY c.id"),
        params![employee.0],
        certificate_from_row,
    )?;
    Ok(rows)
}

pub(super) fn by_id(conn: Conn<'_>, id: CertificateId) -> Result<Option<Certificate>> {
    one(conn, "c.id = ?1", &id.0)
}

pub(super) fn by_serial(conn: Conn<'_>, serial: &str) -> Result<Option<Certificate>> {
    one(conn, "c.serial = ?1 COLLATE NOCASE", &serial.trim())
}

pub(super) fn by_code(conn: Conn<'_>, code: &str) -> Result<Option<Certificate>> {
    one(conn, "c.code = ?1", &code)
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM certificate", params![], |r| r.get(0))
}

/// One more than the highest serial number of a program and year so far. On a server,
/// where several officers may issue at once, the transaction first takes the lock of this
/// program and year (held until it ends), so that serials stay gapless and unique.
pub(super) fn next_serial_number(conn: Conn<'_>, program: ProgramId, year: i32) -> Result<u32> {
    if conn.backend() == Backend::Postgres {
        conn.execute(
            "SELECT pg_advisory_xact_lock(CAST(?1 AS integer), CAST(?2 AS integer))",
            params![program.0, year],
        )?;
    }
    let max: Option<u32> = conn.query_one(
        "SELECT max(serial_number) FROM certificate WHERE program_id = ?1 AND serial_year = ?2",
        params![program.0, year],
        |r| r.get(0),
    )?;
    Ok(max.unwrap_or(0) + 1)
}

/// A stored binary asset: its MIME type and bytes.
pub(super) fn asset(conn: Conn<'_>, id: i64) -> Result<Option<(String, Vec<u8>)>> {
    conn.query_opt(
        "SELECT mime, bytes FROM asset WHERE id = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

impl Tx<'_> {
    pub fn insert_certificate(&self, c: &NewCertificate<'_>) -> Result<CertificateId> {
        self.note(|n| n.certificate_of(c.employee_id));
        let new_id0 = self.conn().insert(
            "INSERT INTO certificate (serial, program_id, employee_id, serial_year, serial_number,
                 issued_on, valid_until, signatory_name, signatory_title, code, snapshot,
                 logo_asset_id, created_at, signed_payload)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING id",
            params![
                c.serial,
                c.program_id.0,
                c.employee_id.0,
                c.serial_year,
                c.serial_number,
                date_to_sql(Some(c.issued_on)),
                date_to_sql(c.valid_until),
                c.signatory_name,
                c.signatory_title,
                c.code,
                c.snapshot,
                c.logo_asset_id,
                self.now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                c.signed_payload,
            ],
        )?;
        Ok(CertificateId(new_id0))
    }

    pub fn revoke_certificate(&self, id: CertificateId, on: NaiveDate, reason: &str) -> Result<()> {
        self.note_certificate(id)?;
        self.conn().execute(
            "UPDATE certificate SET revoked_on = ?2, revocation_reason = ?3 WHERE id = ?1",
            params![id.0, date_to_sql(Some(on)), reason],
        )?;
        Ok(())
    }

    pub fn set_superseded_by(&self, old: CertificateId, new: CertificateId) -> Result<()> {
        self.note_certificate(old)?;
        self.conn().execute(
            "UPDATE certificate SET superseded_by = ?2 WHERE id = ?1",
            params![old.0, new.0],
        )?;
        Ok(())
    }

    /// Notes a change of certificate `id` (whose holder it concerns).
    fn note_certificate(&self, id: CertificateId) -> Result<()> {
        let holder: Option<i64> = self.conn().query_opt(
            "SELECT employee_id FROM certificate WHERE id = ?1",
            params![id.0],
            |r| r.get(0),
        )?;
        self.note(|c| match holder {
            Some(employee) => c.certificate_of(EmployeeId(employee)),
            None => c.certificates = true,
        });
        Ok(())
    }

    /// Stores `bytes` once by their SHA-256 and returns the asset's id.
    pub fn store_asset(&self, sha256: &str, mime: &str, bytes: &[u8]) -> Result<i64> {
        self.conn().execute(
            "INSERT INTO asset (sha256, mime, bytes) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING",
            params![sha256, mime, bytes])?;
        self.conn().query_one(
            "SELECT id FROM asset WHERE sha256 = ?1",
            params![sha256],
            |r| r.get(0),
        )
    }
}
