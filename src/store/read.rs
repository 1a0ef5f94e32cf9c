//! Everything the store can answer, in one trait: [`Read`] works the same on a [`Store`]
//! and inside a [`Tx`] (where it sees the transaction's own uncommitted writes).
//!
//! Each method delegates to one function in the entity's file, which holds the SQL and the
//! entity's one row mapper. To add a query: write that function (taking `&Connection`) in
//! the entity's file and declare the method here. No SQLite type appears in this trait's
//! interface, so a second backend can implement the same reads.

use chrono::NaiveDate;

use super::driver::Conn;
use super::{
    AttendanceListRow, AttendanceRow, AuditEntry, AuditFilter, AuditRecord, AuditRow,
    CertificateFilter, CertificateRow, DepartmentRow, DomainCounts, EmployeeFilter, EmployeeRow,
    LeaverRow, SeminarCompletionRow, SessionFilter, SessionRow, Store, TrainingRecord, Tx,
};
use super::{
    attendance, audit, bulk, certificates, counts, departments, employees, privacy, programs,
    retention, roster, seminars, sessions, settings, signing, waitlist,
};
use crate::error::Result;
use crate::model::{
    Attendance, AttendanceId, Certificate, CertificateId, Department, DepartmentId, Employee,
    EmployeeId, Program, ProgramId, Seminar, SeminarId, Session, SessionId, WaitlistId,
    WaitlistRow,
};

mod sealed {
    /// What the reads need: a connection and the store's today. Private, so that only
    /// [`super::Store`] and [`super::Tx`] implement [`super::Read`].
    pub trait Connected {
        fn db(&self) -> super::super::driver::Conn<'_>;
        fn today(&self) -> chrono::NaiveDate;
    }
}

use sealed::Connected;

impl Connected for Store {
    fn db(&self) -> Conn<'_> {
        self.conn()
    }

    fn today(&self) -> NaiveDate {
        Store::today(self)
    }
}

impl Connected for Tx<'_> {
    fn db(&self) -> Conn<'_> {
        self.conn()
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

impl Read for Store {}
impl Read for Tx<'_> {}

/// The store's reads, on a [`Store`] or inside a [`Tx`]. Bring it into scope with
/// `use crate::store::Read;`.
pub trait Read: Connected {
    // Employees.

    /// Employees with their department, ordered by last and first name.
    fn employee_rows(&self, filter: &EmployeeFilter) -> Result<Vec<EmployeeRow>> {
        employees::rows(self.db(), Connected::today(self), filter)
    }

    fn employee(&self, id: EmployeeId) -> Result<Option<Employee>> {
        employees::by_id(self.db(), id)
    }

    /// The employee with this personnel number (trimmed).
    fn employee_by_personnel_number(&self, number: &str) -> Result<Option<Employee>> {
        employees::by_personnel_number(self.db(), number)
    }

    /// Whether a personnel number is taken.
    fn personnel_number_taken(&self, number: &str) -> Result<bool> {
        employees::personnel_number_taken(self.db(), number)
    }

    fn employee_count(&self) -> Result<i64> {
        employees::count(self.db())
    }

    /// Every employee, leavers included, ordered by id — one query.
    fn employee_snapshot(&self) -> Result<Vec<Employee>> {
        employees::all(self.db())
    }

    /// The employees of department `id` and all its sub-units who are active on `on`
    /// (no exit date, or one after `on`), as id and personnel number, by personnel number.
    fn active_staff_of_department(
        &self,
        id: DepartmentId,
        on: NaiveDate,
    ) -> Result<Vec<(EmployeeId, String)>> {
        employees::active_in_department(self.db(), id, on)
    }

    /// When the employee was erased (anonymous placeholder), if so.
    fn employee_erased_at(&self, employee: EmployeeId) -> Result<Option<String>> {
        employees::erased_at(self.db(), employee)
    }

    /// Every employee who left on or before `left_by` and has not been erased yet, ordered
    /// by exit date, then last and first name.
    fn leavers_left_by(&self, left_by: NaiveDate) -> Result<Vec<LeaverRow>> {
        retention::leavers(self.db(), left_by)
    }

    /// The exit dates of every employee who left on or before `left_by` and has not been
    /// erased yet: cheap, for counting who is due.
    fn leaver_exit_dates(&self, left_by: NaiveDate) -> Result<Vec<NaiveDate>> {
        retention::exit_dates(self.db(), left_by)
    }

    // Departments.

    /// Every department, ordered by code.
    fn departments(&self) -> Result<Vec<Department>> {
        departments::all(self.db())
    }

    /// Every department, inactive ones included, ordered by code — one query (the same
    /// as [`Read::departments`]).
    fn department_snapshot(&self) -> Result<Vec<Department>> {
        departments::all(self.db())
    }

    /// Every department with its count of employees active on the store's today.
    fn department_rows(&self) -> Result<Vec<DepartmentRow>> {
        departments::rows(self.db(), Connected::today(self))
    }

    fn department(&self, id: DepartmentId) -> Result<Option<Department>> {
        departments::by_id(self.db(), id)
    }

    /// The department with this code (case-insensitive).
    fn department_by_code(&self, code: &str) -> Result<Option<Department>> {
        departments::by_code(self.db(), code)
    }

    /// The department with this name (case-insensitive), if exactly one has it.
    fn department_by_name(&self, name: &str) -> Result<Option<Department>> {
        departments::by_name(self.db(), name)
    }

    fn department_count(&self) -> Result<i64> {
        departments::count(self.db())
    }

    /// Whether another department than `except` already uses `code`.
    fn department_code_taken(&self, code: &str, except: Option<DepartmentId>) -> Result<bool> {
        departments::code_taken(self.db(), code, except)
    }

    /// Whether `ancestor` is `id` itself or above it in the hierarchy.
    fn is_same_or_ancestor(&self, ancestor: DepartmentId, id: DepartmentId) -> Result<bool> {
        departments::is_same_or_ancestor(self.db(), ancestor, id)
    }

    /// Active employees and active sub-units directly in department `id` on `today`.
    fn department_dependents(&self, id: DepartmentId, today: NaiveDate) -> Result<(i64, i64)> {
        departments::dependents(self.db(), id, today)
    }

    // Seminars and sessions.

    /// Every seminar, archived ones included, ordered by code.
    fn seminars(&self) -> Result<Vec<Seminar>> {
        seminars::all(self.db())
    }

    fn seminar(&self, id: SeminarId) -> Result<Option<Seminar>> {
        seminars::by_id(self.db(), id)
    }

    /// The seminar with this code (case-insensitive).
    fn seminar_by_code(&self, code: &str) -> Result<Option<Seminar>> {
        seminars::by_code(self.db(), code)
    }

    /// Whether a seminar other than `except` already uses `code` (ignoring case).
    fn seminar_code_taken(&self, code: &str, except: Option<SeminarId>) -> Result<bool> {
        seminars::code_taken(self.db(), code, except)
    }

    fn seminar_count(&self) -> Result<i64> {
        seminars::count(self.db())
    }

    /// The distinct non-empty topics of all seminars, sorted (for "hours in topic" pickers).
    fn seminar_topics(&self) -> Result<Vec<String>> {
        seminars::topics(self.db())
    }

    fn session(&self, id: SessionId) -> Result<Option<Session>> {
        sessions::by_id(self.db(), id)
    }

    /// The sessions of one seminar, earliest first.
    fn sessions_of_seminar(&self, seminar: SeminarId) -> Result<Vec<Session>> {
        sessions::of_seminar(self.db(), seminar)
    }

    /// Sessions matching `filter` with their seminar and roster size, earliest first.
    fn session_rows(&self, filter: &SessionFilter) -> Result<Vec<SessionRow>> {
        sessions::rows(self.db(), filter)
    }

    fn session_count(&self) -> Result<i64> {
        sessions::count(self.db())
    }

    // Attendance.

    /// The attendance row with this id, if any.
    fn attendance(&self, id: AttendanceId) -> Result<Option<Attendance>> {
        attendance::by_id(self.db(), id)
    }

    /// The attendance of `employee` at `session`, if any.
    fn attendance_of(
        &self,
        session: SessionId,
        employee: EmployeeId,
    ) -> Result<Option<Attendance>> {
        attendance::of(self.db(), session, employee)
    }

    /// Every attendance row of a session, in id order.
    fn roster(&self, session: SessionId) -> Result<Vec<Attendance>> {
        attendance::of_session(self.db(), session)
    }

    /// The roster of a session with the employees, ordered by last and first name as a
    /// German list is (Özdemir with the O's), then personnel number.
    fn attendance_of_session(&self, session: SessionId) -> Result<Vec<AttendanceRow>> {
        attendance::rows_of_session(self.db(), session)
    }

    /// The waiting list of a session, first come first.
    fn waitlist_of_session(&self, session: SessionId) -> Result<Vec<WaitlistRow>> {
        waitlist::of_session(self.db(), session)
    }

    /// One employee's places on waiting lists, in the order they were taken.
    fn waitlist_of_employee(&self, employee: EmployeeId) -> Result<Vec<WaitlistRow>> {
        waitlist::of_employee(self.db(), employee)
    }

    /// One place on a waiting list.
    fn waitlist_entry(&self, id: WaitlistId) -> Result<Option<WaitlistRow>> {
        waitlist::by_id(self.db(), id)
    }

    /// The number of attendance rows of any status.
    fn attendance_count(&self) -> Result<i64> {
        attendance::count(self.db())
    }

    /// How many attendance rows the employee has.
    fn attendance_count_of(&self, employee: EmployeeId) -> Result<usize> {
        attendance::count_of(self.db(), employee)
    }

    /// One employee's whole training history (every status), earliest session first.
    fn training_history(&self, employee: EmployeeId) -> Result<Vec<TrainingRecord>> {
        attendance::history(self.db(), employee)
    }

    /// Every attendance with its session and seminar, ordered by employee id and then
    /// session start: one pass for reports and eligibility over everyone.
    fn training_records(&self) -> Result<Vec<TrainingRecord>> {
        attendance::records(self.db())
    }

    /// Every attendance with its session and seminar, like [`Read::training_records`],
    /// but in no particular order: seminars and sessions are read (and their date-times
    /// parsed) once each instead of once per attendance row, and nothing is sorted.
    fn training_records_unordered(&self) -> Result<Vec<TrainingRecord>> {
        bulk::records_unordered(self.db())
    }

    /// Per employee and seminar of `seminars`: the sessions the employee completed by
    /// `as_of` — attended, or (with `allow_partial`) partial with hours — aggregated to
    /// the day the first of them ended and their most hours. In no particular order;
    /// one row per employee and seminar. What eligibility needs of a program's seminars,
    /// without reading every attendance row into memory. With `people`, only theirs (to
    /// bring a few people's facts up to date after a change).
    fn seminar_completions(
        &self,
        seminars: &[SeminarId],
        allow_partial: bool,
        as_of: NaiveDate,
        people: Option<&[EmployeeId]>,
    ) -> Result<Vec<SeminarCompletionRow>> {
        bulk::seminar_completions(self.db(), seminars, allow_partial, as_of, people)
    }

    /// Every attendance at sessions that end on or after `from` and start on or before
    /// `to` (both optional), ordered by session start, session, and name as German lists are.
    fn attendance_list(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<AttendanceListRow>> {
        roster::attendance_list(self.db(), from, to)
    }

    // Programs and certificates.

    /// Every program with its requirements, archived ones included, ordered by code.
    fn programs(&self) -> Result<Vec<Program>> {
        programs::all(self.db())
    }

    fn program(&self, id: ProgramId) -> Result<Option<Program>> {
        programs::by_id(self.db(), id)
    }

    /// The program with this code (case-insensitive), with its requirements.
    fn program_by_code(&self, code: &str) -> Result<Option<Program>> {
        programs::by_code(self.db(), code)
    }

    fn program_count(&self) -> Result<i64> {
        programs::count(self.db())
    }

    /// Certificates with holder and program, newest serial first within a program.
    fn certificate_rows(&self, filter: &CertificateFilter) -> Result<Vec<CertificateRow>> {
        certificates::rows(self.db(), filter)
    }

    /// Every certificate (for eligibility and reports in bulk), in id order.
    fn certificates(&self) -> Result<Vec<Certificate>> {
        certificates::all(self.db())
    }

    /// The certificates of one employee, in id order.
    fn certificates_of(&self, employee: EmployeeId) -> Result<Vec<Certificate>> {
        certificates::of_employee(self.db(), employee)
    }

    fn certificate(&self, id: CertificateId) -> Result<Option<Certificate>> {
        certificates::by_id(self.db(), id)
    }

    fn certificate_by_serial(&self, serial: &str) -> Result<Option<Certificate>> {
        certificates::by_serial(self.db(), serial)
    }

    /// The certificate with this verification code (normalised, without dashes).
    fn certificate_by_code(&self, code: &str) -> Result<Option<Certificate>> {
        certificates::by_code(self.db(), code)
    }

    fn certificate_count(&self) -> Result<i64> {
        certificates::count(self.db())
    }

    /// The next serial number for a program and year: one more than the highest so far,
    /// so numbers have no gaps (certificates are never deleted).
    fn next_serial_number(&self, program: ProgramId, year: i32) -> Result<u32> {
        certificates::next_serial_number(self.db(), program, year)
    }

    /// A stored binary asset (a logo): its MIME type and bytes.
    fn asset(&self, id: i64) -> Result<Option<(String, Vec<u8>)>> {
        certificates::asset(self.db(), id)
    }

    // Counts, settings, audit log.

    /// How many rows each part of the domain holds.
    fn domain_counts(&self) -> Result<DomainCounts> {
        counts::domain_counts(self.db())
    }

    /// A text setting, or `None` when it was never set.
    fn setting(&self, key: &str) -> Result<Option<String>> {
        settings::value(self.db(), key)
    }

    /// Every certificate signing key (public part), oldest first.
    fn signing_keys(&self) -> Result<Vec<super::SigningKeyInfo>> {
        signing::all(self.db())
    }

    /// The active signing key's id and private key, if one was made (for the service
    /// that signs; never shown, exported or logged).
    fn active_signing_key(&self) -> Result<Option<(String, Vec<u8>)>> {
        signing::active_private(self.db())
    }

    /// A binary setting (a logo), or `None`.
    fn setting_blob(&self, key: &str) -> Result<Option<Vec<u8>>> {
        settings::value(self.db(), key)
    }

    /// The newest audit entries first, at most `limit`.
    fn audit_entries(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        audit::newest(self.db(), limit)
    }

    /// The newest audit entry about record `entity_id` of kind `entity` (who changed it
    /// last, and when), if the log has one.
    fn last_change(&self, entity: &str, entity_id: i64) -> Result<Option<AuditEntry>> {
        audit::last_of(self.db(), entity, entity_id)
    }

    fn audit_count(&self) -> Result<i64> {
        audit::count(self.db())
    }

    /// At most `limit` entries that pass `filter`, newest first, all older than the entry
    /// `before_id` when given (keyset paging: pass the last id of the previous page).
    fn audit_page(
        &self,
        filter: &AuditFilter,
        before_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<AuditRow>> {
        audit::page(self.db(), filter, before_id, limit)
    }

    /// How many entries pass `filter`.
    fn audit_filtered_count(&self, filter: &AuditFilter) -> Result<i64> {
        audit::filtered_count(self.db(), filter)
    }

    /// The users who made changes, in alphabetical order (for a filter).
    fn audit_actors(&self) -> Result<Vec<String>> {
        audit::actors(self.db())
    }

    /// The kinds of record (`entity`) that occur in the log, in alphabetical order.
    fn audit_entities(&self) -> Result<Vec<String>> {
        audit::entities(self.db())
    }

    /// Audit entries recorded for `employee` or whose summary contains `needle` (the
    /// personnel number; the caller checks word boundaries), oldest first.
    fn audit_candidates(
        &self,
        employee: Option<EmployeeId>,
        needle: &str,
    ) -> Result<Vec<AuditRecord>> {
        privacy::audit_candidates(self.db(), employee, needle)
    }
}
