# Lotse – English texts. Every key is also in de.ftl.

## Fields
field-personnel-number = Personnel number
field-first-name = First name
field-last-name = Last name
field-email = E-mail
field-job-title = Job title
field-department = Department
field-entry-date = Entry date
field-exit-date = Exit date
field-department-code = Code
field-department-name = Name
field-parent-department = Parent unit
field-salutation = Form of address

salutation-female = Ms
salutation-male = Mr
salutation-neutral = Neutral / not stated

## Validation
invalid-empty = “{ $field }” must not be empty.
invalid-too-long = “{ $field }” may be at most { $max } characters long.
invalid-email = The e-mail address does not look valid (example: name@city.gov).
invalid-exit-before-entry = The exit date is before the entry date.
invalid-duplicate-personnel-number = Personnel number { $number } is already taken.
invalid-duplicate-department-code = The code { $code } is already taken.
invalid-department-cycle = A department cannot be placed under itself or one of its own sub-units.
invalid-unknown-department = There is no department “{ $code }”.
invalid-inactive-department = The department “{ $code }” is deactivated.
department-still-in-use = “{ $code }” cannot be deactivated: it still has { $employees } active employees and { $units } active sub-units. Move them first.

## Errors
error-not-found = Not found: { $what }
error-not-lotse-file = The file { $path } is not a Lotse database. It was left unchanged. Choose another file with --db.
error-too-new = The file { $path } was written by a newer version of Lotse (schema { $found }, this version knows { $supported }). It was left unchanged. Please update Lotse.
error-busy = The database is in use by another program. Please try again in a moment.
error-corrupt = The database file is damaged. Restore a backup.
error-database = Database error: { $detail }
error-file = The file { $path } could not be read or written: { $detail }
error-cancelled = Cancelled.

## Command line
cli-about = Lotse – staff training, certification programs and certificates for public administrations. Without a command, the desktop app starts.
cli-demo-about = Fills an empty database with a sample administration.
cli-import-about = Imports a spreadsheet (CSV or XLSX).
cli-import-employees-about = Imports the staff list (CSV or XLSX); matches by personnel number.
cli-employees-about = Employees.
cli-employees-list-about = Lists employees.
cli-departments-about = Departments.
cli-departments-list-about = Lists departments.
cli-arg-db = The database file (default: lotse.sqlite in the user's data directory; also via LOTSE_DB).
cli-arg-lang = Language of messages and output (de or en).
cli-arg-employees = Number of employees.
cli-arg-seed = Seed: the same value gives the same administration.
cli-arg-file = The file (CSV or XLSX).
cli-arg-dry-run = Only show what would change; save nothing.
cli-arg-create-departments = Create departments that do not exist yet.
cli-arg-department = Only this department (code) and its sub-units.
cli-arg-all = Also show employees who have left.
cli-arg-format = Output format: table, csv or json.
cli-error = Error
cli-no-data-dir = No data directory found. Give the database with --db PATH or LOTSE_DB.
cli-import-rejected = Nothing was saved because rows were rejected. Please correct the file.
cli-dry-run = Dry run: nothing was saved.
cli-active = Active
cli-employees = Employees
cli-yes = yes
cli-no = no
cli-row-count = { $count ->
    [one] 1 row
   *[other] { $count } rows
}

## Staff-list import
import-unsupported-format = “{ $file }” cannot be imported. Expected a CSV file (.csv, .txt, .tsv) or a workbook (.xlsx, .xlsm, .xls, .ods).
import-empty-file = The file is empty: it has no header row.
import-csv-unreadable = The CSV file cannot be read from line { $line }: { $detail }
import-workbook-unreadable = The workbook cannot be read. Is it damaged or password-protected? ({ $detail })
import-delimiter-tab = tab
import-source-csv = CSV, { $encoding }, delimiter “{ $delimiter }”
import-source-workbook = worksheet “{ $sheet }”
import-missing-columns = The header row (line { $line }) lacks required columns: { $columns }. Found: { $found }. Name the columns e.g. “Personnel number”, “Last name” and “First name”.
import-duplicate-column = The column “{ $column }” appears twice: “{ $first }” and “{ $second }”. Please delete or rename one of them.
import-invalid-date = Invalid date “{ $value }” in { $column } (expected DD.MM.YYYY or YYYY-MM-DD).
import-duplicate-in-file = The personnel number { $number } occurs more than once in the file (lines { $lines }).
import-unknown-salutation = Unknown form of address “{ $value }” (expected Ms, Mr, Mx, Frau, Herr, divers or empty).
import-ambiguous-department = Several departments are called “{ $value }”. Please enter the code instead.
import-line = Line { $line }: { $text }
import-empty-value = (empty)
import-quoted = “{ $text }”
import-department-label = { $name } ({ $code })
import-new-department = { $name } (new)
import-change = { $field } “{ $old }” → “{ $new }”
import-added-row = Line { $line }: { $number } { $name }
import-changed-row = Line { $line }: { $number } { $name } – { $changes }
import-preview-file = File “{ $file }” ({ $source }): { $rows ->
    [one] 1 data row
   *[other] { $rows } data rows
}.
import-ignored-columns = Columns not imported: { $columns }
import-counts = New: { $added } · changed: { $changed } · unchanged: { $unchanged } · rejected: { $rejected }
import-section-added = To add:
import-section-changed = To change:
import-section-rejected = Rejected rows (nothing is imported while any row is rejected):
import-unknown-departments = These departments do not exist: { $names }. The import can create them (“Create missing departments”, command line: --create-departments).
import-new-departments = Departments to create: { $names }
import-no-rows = The file has no data rows.
import-done = Import finished: { $added } added, { $changed } changed, { $unchanged } unchanged, { $departments ->
    [one] 1 department
   *[other] { $departments } departments
} created.
import-commit-refused = The import was not carried out; nothing was saved: { $count ->
    [one] one row is
   *[other] { $count } rows are
} rejected.
import-more-rejected = … and { $count } more.

## Desktop app (app-)
app-start-failed = The program window could not be opened: { $detail }
app-worker-gone = Background processing stopped unexpectedly. Please restart Lotse; saved data is not affected.
app-loading = Loading data …
app-reload = Refresh
app-in-memory = In-memory database
app-dismiss = Dismiss message
app-save = Save
app-close = Close
app-cancel = Cancel
app-cancelling = Cancelling …
app-date-hint = YYYY-MM-DD
app-invalid-date = “{ $text }” is not a valid date. Please enter it as YYYY-MM-DD or DD.MM.YYYY, e.g. 2024-04-01.
app-nav-section-overview = Overview
app-nav-section-staff = Staff
app-nav-section-training = Training
app-nav-section-analysis = Analysis
app-nav-dashboard = Dashboard
app-nav-employees = Employees
app-nav-departments = Departments
app-nav-seminars = Seminars & sessions
app-nav-programs = Programs
app-nav-certificates = Certificates
app-nav-reports = Reports
app-nav-settings = Settings
app-later = This area comes in a later version: { $what }
app-later-hint = Employees and departments can already be managed in full.
app-plan-dashboard = The dashboard shows at a glance which certificates expire soon, who meets the requirements but has no certificate yet, the next sessions and the coverage per department.
app-plan-seminars = Here you keep the seminar catalogue and its dated sessions and record attendance, also for whole participant lists at once.
app-plan-programs = Here you define certification programs such as “Digitallotse” with their requirements, see who meets them, and issue certificates in batches.
app-plan-certificates = Here you find every issued certificate, reprint, correct or revoke it, and check verification codes.
app-plan-reports = Here you analyse the coverage per department and the training matrix and export them as a spreadsheet or PDF.
app-employees-title = Employees
app-employees-count = { $shown } shown · { $active } active
app-employee-add = + Add person
app-employee-add-hint = Record a new employee
app-import = Import …
app-import-hint = Take over the staff list from a CSV or Excel (XLSX) file
app-search = Search
app-search-hint = Name, number, department
app-search-clear = Clear search
app-all-departments = All departments
app-show-leavers = Show leavers
app-sort-hint = Click to sort
app-col-personnel-number = Pers. no.
app-col-entry = Entry
app-col-exit = Exit
app-employees-none-yet = No employees yet. Add the first person or import the staff list.
app-employees-none-found = Nobody matches the search and filter.
app-employee-new-title = New person
app-no-department = – none –
app-employee-added = “{ $name }” was added.
app-employee-saved = Changes to “{ $name }” were saved.
app-employee-marked-left = “{ $name }” is marked as having left.
app-employee-reinstated = “{ $name }” is active again.
app-employee-has-left = Left on { $date }
app-employee-leaves-on = Leaves on { $date }
app-employee-leave-title = Leaving
app-employee-leave-on = Left as of
app-employee-mark-left = Mark as left
app-employee-reinstate = Active again
app-employee-history-title = Seminars, programs and certificates
app-employee-history-later = Seminars attended, progress in certification programs and this person's certificates appear here in a later version.
app-departments-title = Departments
app-departments-count = { $active } active
app-department-add = + New unit
app-department-add-sub = + New sub-unit
app-department-add-sub-hint = Add a unit below { $code }
app-hide-inactive = Hide deactivated units
app-expand-all = Expand all
app-collapse-all = Collapse all
app-expand = Expand
app-collapse = Collapse
app-col-employees = Employees
app-col-employees-total = incl. sub-units
app-col-status = Status
app-status-active = active
app-status-inactive = deactivated
app-departments-none-yet = No departments yet. Add the first one, for example a directorate or an office.
app-department-new-title = New department
app-no-parent = – none (top level) –
app-department-added = Department { $code } was added.
app-department-saved = Changes to { $code } were saved.
app-department-deactivated = { $code } was deactivated.
app-department-activated = { $code } is active again.
app-department-counts = Active employees: { $own } directly, { $total } including sub-units
app-department-show-employees = Show employees
app-department-is-active = This unit is active.
app-department-is-inactive = This unit is deactivated. It stays in the history.
app-department-deactivate = Deactivate
app-department-activate = Reactivate
app-department-deactivate-hint = Only possible when no active employees and no active sub-units belong to it any more.
app-settings-title = Settings
app-settings-language = Language
app-settings-language-label = Language of the interface
app-settings-organisation = Organisation
app-settings-organisation-name = Name of the organisation
app-settings-organisation-hint = e.g. City of Sampletown
app-settings-place = Place
app-settings-place-hint = e.g. Sampletown
app-settings-saved = The settings were saved.
app-settings-later = Logo, signatory and certificate wording come with certificates.
app-settings-database = Database
app-settings-database-file = Database file
app-settings-database-hint = Open another file with “lotse --db PATH” or the environment variable LOTSE_DB. Backups come in a later version.
app-welcome-title = Welcome to Lotse
app-welcome-intro = Lotse keeps your administration's employees, training, certification programs and certificates. The database is still empty.
app-welcome-demo-title = Load a sample administration
app-welcome-demo-text = An invented town administration with offices, employees, seminars and certificates – to try things out.
app-welcome-demo-employees = Number of employees
app-welcome-demo-load = Load sample administration
app-welcome-empty-title = Start empty
app-welcome-empty-text = Add departments and employees yourself or import the staff list.
app-welcome-empty-start = Start empty
app-demo-done = The sample administration was loaded.
app-demo-cancelled = Loading the sample administration was cancelled.
app-import-dialog-title = Import staff list
app-import-filter = Spreadsheets (CSV, XLSX)
app-import-title = Import: { $file }
app-import-reading = Reading the file …
app-import-committing = Importing …
app-import-create-departments = create missing departments
app-import-blocked = Import is possible only when no row is rejected any more. Correct the file and read it again.
app-import-commit = Import
app-import-done = The import was completed.
app-load-failed = The data could not be loaded
app-database-name = Database: { $name }
app-import-change = { $field }: “{ $old }” becomes “{ $new }”
app-reload-hint = Read the data from the database again, for example after an import on the command line
app-import-added = New
app-import-changed = Changed
app-import-unchanged = Unchanged
app-import-rejected = Rejected
app-import-col-line = Line
app-import-col-name = Name
app-import-col-changes = Changes
app-import-col-reason = Reason
app-import-none-rejected = No row is rejected.
app-import-none-added = Nobody is added.
app-import-none-changed = Nobody is changed.
app-import-unknown = These departments do not exist yet: { $names }

## Eligibility (a program's requirements)
elig-seminar-done = Required seminar “{ $seminar }” attended on { $date }
elig-seminar-open = Required seminar “{ $seminar }” missing
elig-n-of = { $done } of { $needed } seminars from: { $seminars }
elig-hours = { $hours } of { $needed } h in “{ $topic }”
elig-prerequisite-until = Certificate “{ $program }” valid until { $date }
elig-prerequisite-held = Certificate “{ $program }” held
elig-prerequisite-open = Valid certificate “{ $program }” missing
elig-left = Has left – not eligible
elig-no-requirements = No requirements are defined for this program.

## Sample data (demo-)
demo-summary = Sample administration created: { $departments } departments, { $employees_n ->
        [one] { $employees } employee
       *[other] { $employees } employees
    }, { $seminars } seminars, { $sessions } sessions, { $attendance_n ->
        [one] { $attendance } attendance record
       *[other] { $attendance } attendance records
    }, { $programs } programs.
demo-not-empty = Sample data can only be loaded into an empty database. This database already holds data (departments: { $departments }, employees: { $employees }, seminars: { $seminars }, programs: { $programs }); nothing was changed. Use a new database file for the sample data (for example with --db sample.sqlite).
demo-progress = Creating the sample administration …

## Issuing, correcting, revoking, verifying certificates
certs-none-selected = No certificate is selected.
certs-program-archived = The program { $program } is archived; no more certificates are issued for it.
certs-already-certified = already holds a valid certificate of this program
certs-not-eligible = does not meet the requirements on the issue date
certs-issue-refused = No certificate was issued because not everyone selected is eligible:
certs-reason-required = Please give a reason.
certs-not-correctable = The certificate { $serial } was already superseded or revoked and can no longer be corrected.
certs-already-revoked = The certificate { $serial } is already revoked.
certs-revoke-before-issue = A revocation cannot be dated before the issue date.
certs-unknown-serial = There is no certificate with the number { $serial }.
verify-valid = Valid – genuine certificate
verify-expiring = Valid – expires within the next 90 days
verify-expired = Expired
verify-revoked = Revoked
verify-superseded = Superseded by a corrected version
verify-not-yet-issued = Not yet issued
verify-altered = Invalid – the stored details no longer match the verification code
verify-unknown = Unknown – no certificate has this verification code

## Certificate PDF (src/certificate)
cert-heading = Certificate
cert-default-wording = has successfully completed the training listed below, met the requirements of the qualification and is awarded the title
cert-seminars-heading = Completed training
cert-hours = { $hours } h
cert-total = Total: { $hours } hours
cert-valid-until = valid until { $date }
cert-place-date = { $place }, { $date }
cert-place-date-caption = Place, date
cert-serial = Certificate no. { $serial }
cert-code = Verification code: { $code }
cert-verify = Check authenticity: lotse verify { $code }
cert-more-seminars = { $count ->
    [one] … and one more course
   *[other] … and { $count } more courses
}
cert-document-title = Certificate { $serial }
cert-document-title-batch = Certificates ({ $count })
cert-error-nothing = No certificate was selected for printing.
cert-error-font = The fonts for certificates are missing from this program. Please reinstall Lotse.
cert-error-logo-format = The logo must be a PNG or JPEG file.
cert-error-logo-size = The logo is too large. Please choose a file under 15 MB and at most 50 megapixels.
cert-error-logo-damaged = The logo cannot be read ({ $detail }). Please save it again as PNG or JPEG and choose it again.
cert-error-snapshot = The stored details of the certificate are damaged ({ $detail }).
cert-error-write = The PDF could not be created ({ $detail }).

## Command line: programs and certificates
cli-programs-about = Certification programs.
cli-programs-list-about = Lists the programs with their requirements.
cli-eligible-about = Shows who meets a program's requirements (without --all: who can get a certificate but has none yet).
cli-issue-about = Issues certificates.
cli-certificates-about = Issued certificates.
cli-certificates-list-about = Lists the issued certificates.
cli-print-about = Prints certificates as PDF: into one file (a page per certificate) or a folder (a file per certificate).
cli-verify-about = Checks a certificate's verification code. Exit code 0 only for a genuine, valid certificate.
cli-arg-program = The program (code, e.g. DL).
cli-arg-as-of = The day to look at (YYYY-MM-DD or dd.mm.yyyy; default today).
cli-eligible-arg-all = Show every active employee with their progress, not only those who can get a certificate.
cli-arg-employee = Personnel numbers of the employees.
cli-arg-all-eligible = Everyone eligible who holds no valid certificate of the program.
cli-arg-date = Issue date (default today).
cli-arg-signatory-name = Signatory for this batch (default from the settings).
cli-arg-signatory-title = The signatory's title for this batch.
cli-arg-serials = Certificate numbers (e.g. DL-2026-0007).
cli-print-arg-all = Every currently valid certificate.
cli-arg-output = A .pdf file (a page per certificate) or a folder (a PDF per certificate).
cli-arg-landscape = A4 landscape instead of portrait.
cli-arg-code = The verification code as printed (e.g. K7QM-3XHP-9TRD) or the text of the QR code.
cli-unknown-program = There is no program with the code “{ $code }”.
cli-unknown-employee = There is no employee with personnel number { $number }.
cli-bad-date = “{ $value }” is not a date. Write e.g. 2026-11-21 or 21.11.2026.
cli-code = Code
cli-title = Title
cli-validity = Validity
cli-requirements = Requirements
cli-months = { $months } months
cli-no-expiry = no expiry
cli-certified = certified
cli-eligible = eligible
cli-progress = { $met } of { $total } requirements met
cli-name = Name
cli-program = Program
cli-status = Status
cli-missing = Missing
cli-nobody-due = Nobody is eligible who does not already hold a valid certificate. Nothing was issued.
cli-issued = { $count ->
    [one] 1 certificate issued.
   *[other] { $count } certificates issued.
}
cli-serial = Number
cli-issued-on = Issued on
cli-valid-until = Valid until
cli-code-label = Verification code
cli-cert-status-valid = valid
cli-cert-status-expired = expired
cli-cert-status-revoked = revoked
cli-cert-status-superseded = superseded
cli-cert-status-not_yet_issued = not yet issued
cli-printed = { $files ->
    [one] { $count ->
        [one] 1 certificate printed: { $path }
       *[other] { $count } certificates printed: { $path }
    }
   *[other] { $count } certificates printed, one file each in { $path }
}
cli-organisation = Organisation
cli-place = Place
cli-signatory = Signed by
cli-total-hours = Total hours
cli-seminar = Seminar
cli-revoked-on = Revoked on
cli-superseded-by = Superseded by

## Programs: fields and validation
field-program-code = Program code
field-serial-prefix = Certificate number prefix
field-title-de-male = Title (German, male)
field-title-de-female = Title (German, female)
field-title-de-neutral = Title (German, neutral)
field-title-en = Title (English)
field-validity-months = Validity in months
field-requirements = Requirements
invalid-duplicate-program-code = The program code { $code } is already taken.
invalid-serial-prefix = The certificate number prefix is 1 to 8 capital letters or digits, e.g. DL.
invalid-validity = Validity is between 1 and 600 months (empty = no expiry).
invalid-no-requirements = A program needs at least one requirement.
invalid-count-out-of-range = “At least { $n } of …” does not fit { $of } listed seminars.
invalid-hours-requirement = An hours requirement needs a topic and more than 0 hours.
invalid-unknown-seminar = There is no seminar { $code }.
invalid-unknown-program = There is no program { $code }.
invalid-prerequisite-cycle = A program cannot require itself, not even through other programs.

## Participant-list import (impatt-)
cli-import-attendance-about = Imports a provider's participant list (CSV or XLSX) into a session; recognises people by personnel number, e-mail address or name.
cli-arg-session = The session's number (ID).
impatt-col-name = Name
impatt-col-status = Status
impatt-col-hours = Hours
impatt-col-note = Note
impatt-missing-columns = The header row (line { $line }) lacks a column that identifies the participants: personnel number, e-mail or name (last and first name, or one column “Name” or “Participant”). Found: { $found }.
impatt-written-number = pers. no. { $number }
impatt-left-on = left on { $date }
impatt-joined-on = joined on { $date }
impatt-by-email = recognised by e-mail address
impatt-by-name = recognised by name
impatt-by-user = assigned by you
impatt-problem-no-match = Nobody fits.
impatt-problem-similar = Nobody fits exactly; similar names:
impatt-problem-unknown-number = There is no personnel number { $number }.
impatt-problem-ambiguous = { $count } employees fit.
impatt-problem-conflict = The personnel number and the e-mail address belong to different people.
impatt-problem-not-employed = Only people who were not employed at the time of the session fit.
impatt-problem-department = The only person of this name is not in “{ $department }”.
impatt-change = { $old } → { $new }
impatt-row = { $person } – { $what }
impatt-row-matched = { $person } – { $what } ({ $by })
impatt-status-hours = { $status }, { $hours } h
impatt-with-note = { $text }, note “{ $note }”
impatt-unresolved = “{ $written }” – { $problem }
impatt-rejected = “{ $written }” – { $reasons }
impatt-no-person = The row names nobody (no personnel number, e-mail address or name).
impatt-unknown-status = Unknown status “{ $value }” (expected attended, partial, absent, excused or registered).
impatt-invalid-hours = Invalid number of hours “{ $value }” (expected a number such as 4 or 3.5).
impatt-too-many-hours = { $hours } hours are more than the session lasts ({ $max } h).
impatt-partial-without-hours = “Partially attended” needs the number of hours.
impatt-hours-not-credited = “{ $status }” credits no hours (given: { $hours }).
impatt-not-yet-held = The session has not taken place yet (it starts on { $date }): “{ $status }” is only possible afterwards; until then only “registered” or “excused”.
impatt-not-employed = { $person } was not employed at the time of the session and cannot be recorded.
impatt-duplicate = { $person } is in the file more than once (lines { $lines }).
impatt-unknown-employee = The chosen person (no. { $id }) does not exist.
impatt-session = Session: { $code } “{ $title }”, { $start }–{ $end } ({ $hours } h)
impatt-future-session = The session has not taken place yet: only “registered” or “excused” can be recorded.
impatt-counts = New on the roster: { $added } · changed: { $updated } · unchanged: { $unchanged } · not assigned: { $unresolved } · rejected: { $rejected } · skipped: { $skipped }
impatt-section-added = To add to the roster:
impatt-section-updated = To change:
impatt-section-unresolved = Not assigned (please choose the person meant or skip the row):
impatt-section-rejected = Rejected rows (nothing is imported while any row is rejected):
impatt-skipped = Skipped lines: { $lines }
impatt-done = Import finished: { $added } added to the roster, { $updated } changed, { $unchanged } unchanged, { $skipped } skipped.
impatt-session-not-found = There is no session with number { $id }.
impatt-commit-refused = The import was not carried out; nothing was saved. Not assigned: { $unresolved }, rejected: { $rejected }.
impatt-cli-not-ready = Nothing was saved: not every row is assigned to exactly one person and valid. Add the personnel number (or the work e-mail address) of the person meant to the file, correct the rejected rows, or delete rows that should not be imported. In the desktop app you can also choose the person.

## Reports and exports (report-)
report-state-valid-until = valid until { $date }
report-state-valid = valid (no expiry)
report-state-expiring = expires on { $date }
report-state-expired = expired on { $date }
report-state-expired-eligible = expired on { $date } (eligible again)
report-state-in-progress = in progress { $met }/{ $total }
report-state-eligible = eligible ({ $met }/{ $total })
report-state-none = –
report-state-none-long = no certificate, no requirement met
report-seminar-attended = attended on { $date }
report-seminar-partial = partly attended on { $date }
report-seminar-registered = registered ({ $date })
report-seminar-none-long = not attended
report-cell-spoken = { $name }, { $column }: { $state }
report-measure-employees = Employees
report-measure-valid = Valid
report-measure-expiring = Of which expiring
report-measure-expired = Expired
report-measure-in-progress = In progress
report-measure-eligible = Eligible
report-explain-employees = Employed on the as-of date: joined and not yet left.
report-explain-valid = People holding a certificate of the program that is valid on the as-of date (including those about to expire). Each person counts once, even with several certificates.
report-explain-expiring = Of the people with a valid certificate, those whose certificate expires within 90 days.
report-explain-expired = People without a valid certificate whose latest certificate has expired. Revoked certificates do not count here.
report-explain-in-progress = People without a valid certificate who meet at least one requirement of the program – including those who meet all of them and are waiting for their certificate, and those who still meet them after theirs expired.
report-explain-eligible = People without a valid certificate who meet every requirement: a certificate can be issued to them.
report-explain-coverage = Share of employees holding a valid certificate.
report-explain-rollup = Every line holds the figures of the department including all units below it. Leavers are not counted; revoked certificates and certificates replaced by a correction are not valid.
report-col-department-code = Dept. code
report-col-department = Department
report-col-program-code = Program
report-col-program = Title
report-col-coverage = Coverage (%)
report-col-as-of = As of
report-col-serial = Certificate number
report-col-issued-on = Issued on
report-col-valid-until = Valid until
report-col-status = Status
report-col-revoked-on = Revoked on
report-col-superseded-by = Replaced by
report-col-code = Verification code
report-col-salutation = Form of address
report-col-active = Active
report-col-employees = Employees
report-col-trained = Of which trained
report-col-sessions = Attendances
report-col-hours = Hours
report-col-hours-per-employee = Hours per employee
report-col-attended = Attended
report-col-partial = Partly
report-col-seminars = Seminars
report-total = Whole organisation
report-sheet-coverage = Coverage { $date }
report-sheet-matrix = Matrix { $date }
report-sheet-certificates = Certificates
report-sheet-employees = Employees
report-sheet-hours-departments = Hours { $year } by dept
report-sheet-hours-employees = Hours { $year } per person
report-status-valid = valid
report-status-expiring = valid, expiring soon
report-status-expired = expired
report-status-revoked = revoked
report-status-superseded = replaced
report-status-not-yet-issued = not yet issued
report-yes = yes
report-no = no
report-no-programs = There is no certification program yet.
report-pdf-title = Certification by department
report-pdf-as-of = As of { $date }
report-pdf-scope = Department: { $department } with its sub-units
report-pdf-intro = How many employees of each department hold a valid certificate, whose certificate expires soon, and who is on the way. Sub-units are indented and included in the figures above them.
report-pdf-summary = { $employees } employees in all, { $valid } of them with a valid certificate ({ $percent } %); { $expiring } expire within 90 days, { $expired } expired.
report-pdf-continued = { $program } (continued)
report-pdf-page = Page { $page } of { $pages }
report-pdf-legend = How to read this report
report-pdf-col-department = Department
report-pdf-col-employees = Employees
report-pdf-col-valid = with a valid certificate
report-pdf-col-expiring = of which expire within 90 days
report-pdf-col-expired = expired
report-pdf-col-in-progress = in progress
report-pdf-col-coverage = Coverage
report-error-write = The file could not be created ({ $detail }).
report-error-format = “{ $path }”: please name a file ending in .csv or .xlsx (.pdf too for the coverage report).
report-error-pdf-only-coverage = Only the coverage report is available as PDF. For this list please choose .csv or .xlsx.
report-error-unknown-department = There is no department with the code “{ $code }”.
report-error-bad-year = “{ $value }” is not a year. Write, for example, 2025.
report-exported = { $rows ->
    [one] One row
   *[other] { $rows } rows
} exported to { $path }.
report-cli-department = Dept.
report-cli-name = Department
report-cli-program = Program
report-cli-coverage = Coverage
report-cli-as-of = As of { $date }
cli-report-about = Reports: certification coverage and training hours.
cli-report-coverage-about = Certification coverage per department (sub-units included) and program.
cli-report-hours-about = Training hours of a year per department (sub-units included).
cli-export-about = Exports reports and lists as CSV (for Excel, semicolon-separated) or XLSX; the coverage report also as a printable PDF.
cli-export-coverage-about = Certification coverage per department and program (.csv, .xlsx or .pdf).
cli-export-matrix-about = Training matrix: employees × programs or seminars (.csv or .xlsx).
cli-export-certificates-about = Every issued certificate with its status (.csv or .xlsx).
cli-export-employees-about = The staff list, leavers included (.csv or .xlsx).
cli-export-hours-about = Training hours of a year per department and per person (.csv or .xlsx).
cli-arg-year = The calendar year (default: the current one).
cli-arg-columns = Matrix columns: programs or seminars.
cli-arg-search = Only employees whose name or personnel number contains this text.
cli-export-coverage-arg-output = The file to write: .csv, .xlsx or .pdf.
cli-export-matrix-arg-output = The file to write: .csv or .xlsx.
cli-export-certificates-arg-output = The file to write: .csv or .xlsx.
cli-export-employees-arg-output = The file to write: .csv or .xlsx.
cli-export-hours-arg-output = The file to write: .csv or .xlsx.

## Seminars, sessions and attendance (train-)
field-seminar-code = Seminar code
field-seminar-title = Title
field-description = Description
field-provider = Provider
field-topic = Topic
field-default-hours = Hours
field-seminar = Seminar
field-session-start = Start
field-session-end = End
field-location = Location or link
field-trainer = Trainer
field-capacity = Places
field-attendance-status = Status
field-hours = Hours
field-note = Note
invalid-duplicate-seminar-code = The seminar code { $code } is already taken.
invalid-default-hours = A seminar's hours lie between 0 and 1000.
invalid-end-before-start = The end lies before the start. Please check date and time.
invalid-capacity-zero = The number of places must be more than 0 (leave it empty for no limit).
invalid-archived-seminar = The seminar { $code } is archived. No new sessions can be scheduled for archived seminars.
invalid-hours = Hours must be a number from 0 up (e.g. 7.5).
invalid-hours-above-length = At most { $max } hours can be credited – that is how long the session lasts.
invalid-partial-needs-hours = For “partly attended” please give the hours to credit (more than 0).
invalid-hours-not-credited = Hours are only credited for “attended” and “partly attended”.
invalid-session-not-started = The session has not started yet: until then only “registered” or “excused” is possible.
invalid-not-employed-at-session = The person with personnel number { $number } was not employed at the time of the session.
train-confirm-edit-session = { $rows ->
    [one] One attendance has already been recorded for this session. Change the session anyway?
   *[other] { $rows } attendances have already been recorded for this session. Change the session anyway?
}
train-confirm-delete-session = { $rows ->
    [one] The recorded attendance will be deleted with the session. Delete it?
   *[other] All { $rows } recorded attendances will be deleted with the session. Delete it?
}
train-status-registered = registered
train-status-attended = attended
train-status-partial = partly attended
train-status-absent = absent
train-status-excused = excused
train-format-in-person = In person
train-format-webinar = Webinar
train-format-elearning = E-learning
train-col-id = ID
train-col-code = Code
train-col-title = Title
train-col-format = Format
train-col-hours = Hours
train-col-archived = Archived
train-col-participants = Participants
train-col-date = Date
train-sheet-attendance = Attendance
train-unknown-session = There is no session with the ID { $id }. “lotse sessions list” shows the IDs.
train-nothing-written = Nothing was saved.
train-recorded = Attendance recorded: { $added } new, { $updated } changed, { $unchanged } unchanged.
train-over-capacity = { $seats ->
    [one] Note: the session is now overbooked by one place.
   *[other] Note: the session is now overbooked by { $seats } places.
}
cli-seminars-about = The seminar catalogue.
cli-seminars-list-about = Lists the seminars (without --all only those not archived).
cli-seminars-list-arg-all = Show archived seminars too.
cli-sessions-about = Sessions of the seminars.
cli-sessions-list-about = Lists the sessions, earliest first.
cli-arg-seminar = Only sessions of this seminar (code, e.g. DF-101).
cli-arg-from = Only sessions that end on this day or later (YYYY-MM-DD or DD.MM.YYYY).
cli-arg-to = Only sessions that start on this day or earlier (YYYY-MM-DD or DD.MM.YYYY).
cli-attendance-about = Attendance at sessions.
cli-attendance-record-about = Records employees' attendance at a session, adding them to the roster where needed – all in one step or none.
cli-arg-status = Status: attended, partial, absent, excused or registered. Default: attended once the session has started, else registered.
cli-arg-hours = Hours to credit (e.g. 7.5). Default for attended: the session's length, at most the seminar's hours.
cli-export-attendance-about = Every attendance: date, seminar, person, department, status and hours (.csv or .xlsx).
cli-export-attendance-arg-output = The file to write: .csv or .xlsx.
train-demo-certificates = { $count ->
    [0] No certificates were issued.
    [one] One certificate issued.
   *[other] { $count } certificates issued, { $expired } of them expired and { $expiring } expiring soon.
}
