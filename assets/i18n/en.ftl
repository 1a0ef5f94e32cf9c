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

## Storage location, one window per file, concurrent changes
location-network-warning = The database is on a network drive ({ $fs }). SQLite is not safe there when several computers use the file at the same time, so Lotse works in the slower, safer journal mode. Move the file to a local disk, or set up multi-user operation with PostgreSQL for several clerks (see the README).
location-cloud-warning = The database is in a synchronised cloud folder ({ $service }). The sync can copy the file while it is being written and damage it, and two computers can overwrite each other's changes, so Lotse works in the slower, safer journal mode. Move the file to a folder that is not synchronised and back it up with Lotse's backup function.
instance-already-open = Lotse is already open with this file ({ $path }). Switch to the open window; a second window on the same file would overwrite the other's changes.
startup-title = The database cannot be opened
startup-database = Database: { $path }
startup-copy = Copy message
startup-copied = The message was copied to the clipboard.
startup-restore = Restore the backup of { $date }
startup-restore-hint = The file is replaced by this backup. Anything entered after the backup is missing afterwards and must be entered again.
startup-login-title = Log in to the database server
startup-password = Password
startup-login = Log in
startup-logging-in = Logging in to the database server …
startup-password-hint = The password is used for this session only and is not stored. To avoid typing it each time, keep it in the file .pgpass (see README).
startup-restoring = Restoring the backup …
startup-restore-failed = The backup could not be restored: { $detail }
edit-conflict = This record was changed by { $actor }{ $when } in the meantime. Your change was not saved: reload the stored version, or overwrite it with your entry.
edit-conflict-unknown = This record was changed{ $when } in the meantime. Your change was not saved: reload the stored version, or overwrite it with your entry.
edit-conflict-when = { " " }on { $date } at { $time }
app-reload-record = Reload
app-reload-record-hint = Load the stored values into the form; what you entered in it is discarded.
app-conflict-field = Field
app-conflict-mine = Your entry
app-conflict-stored = Stored now
app-conflict-empty = (empty)
app-conflict-same = The fields of this form match the stored record; something else was changed (the status, for example).
app-conflict-overwrite = Save anyway
app-conflict-overwrite-hint = Save your entry; the change made meanwhile to these fields is overwritten.

## Errors
error-not-found = Not found: { $what }
error-not-lotse-file = The file { $path } is not a Lotse database. It was left unchanged. Choose another file with --db.
error-too-new = The file { $path } was written by a newer version of Lotse (schema { $found }, this version knows { $supported }). It was left unchanged. Please update Lotse.
error-busy = The database is in use by another program. Please try again in a moment.
error-server-no-right = You may only read this database; the change was not saved. If you need to change data, ask the database administrators to add you to the role lotse_officer.
error-server-unreachable = The database server cannot be reached; nothing was done. Check the network connection and try again. If the problem persists, contact your IT department.
error-server-tls = The encrypted connection to the database server could not be made: either the server offers no encryption (sslmode=require), or its certificate is not trusted (sslmode=verify-full; then add the issuing authority to the address with sslrootcert=FILE). Contact your IT department.
error-server-password = Logging in to the database server failed: the password is missing or wrong. Enter your password or keep it in the file .pgpass.
error-server-login = The database server does not know this login or does not allow it. Check the user name in the database address or contact your IT department.
error-server-file-operation = This action concerns a database file, but your database lies on a PostgreSQL server. There the server takes care of backups, restores and checking its files; contact your IT department.
error-server-url = The address of the database is not a valid PostgreSQL address. Give it as postgres://user@server/database.
error-corrupt = The database file is damaged. Restore a backup.
error-damaged = The database { $path } is damaged and was not opened, so that no wrong data is shown.
error-damaged-kept = The database { $path } is damaged and was not opened, so that no wrong data is shown. A copy of the damaged file was kept as { $kept }.
error-damaged-backup = Restore the newest good backup: lotse restore "{ $backup }"
error-damaged-no-backup = There is no backup of this file. Ask your IT department to restore the file from the computer's backup.
error-database = The database reported an error; the action was not carried out, and what was saved before is unchanged. Please try again. If the error persists, contact your IT department.
error-database-full = There is no space left on the disk that holds the database. The change was not saved; what was saved before is unchanged. Free up space and try again.
error-database-read-only = The database cannot be changed: the file or its folder is read-only, or you lack the permission. Nothing was changed. Ask your IT department for write access.
error-database-file = The database file could not be read or written; nothing was changed. Check that there is free space on the disk, that the database's folder is reachable (a network drive, for example) and that you may write there, then try again.
error-file = The file { $path } could not be read or written. { error-reason-other }
error-file-disk-full = The file { $path } could not be written: { error-reason-disk-full }
error-file-read-only = Lotse has no access to { $path }: { error-reason-read-only }
error-file-locked = Lotse cannot access the file { $path } right now: { error-reason-locked }
error-file-not-found = { $path } was not found. Check the name and the folder.
error-reason-disk-full = There is no space left on the disk. Free up space and try again.
error-reason-read-only = The place is read-only, or you lack the permission there. Choose another place or ask your IT department for access.
error-reason-locked = Another program has the file open. Close it (the PDF viewer or Excel, for example) and try again.
error-reason-not-found = The file or its folder does not exist (any more). Check the name and the folder.
error-reason-other = Check that the place is reachable (a network drive or USB stick, for example) and try again.
error-partly-printed = { $written } of { $total } { $total ->
        [one] certificate
       *[other] certificates
    } { $written ->
        [one] was
       *[other] were
    } written to { $folder }; { $file } could not be written: { $reason }
error-cancelled = Cancelled.

## Command line
cli-about = Lotse – staff training, certification programs and certificates for public administrations. Without a command, the desktop app starts.
cli-demo-about = Fills an empty database with a sample administration.
cli-import-about = Imports a spreadsheet (CSV or XLSX).
cli-import-employees-about = Imports the staff list (CSV or XLSX); matches by personnel number.
cli-employees-about = Employees.
cli-employees-list-about = Lists employees.
cli-employees-delete-about = Deletes an employee entered by mistake, one without attendance and certificates. Without --yes it only shows what would happen; nothing changes.
cli-employees-delete-arg-personnel-number = The personnel number.
cli-employees-delete-arg-yes = Confirm: really delete.
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
app-settings-organizer-email = Organizer e-mail address
app-settings-organizer-email-hint = e.g. training@sampletown.gov
app-settings-organizer-email-note = Calendar invitations (.ics) name this address as organizer; without it, calendars treat the file as a plain appointment and no replies come back.
app-settings-saved = The settings were saved.
app-settings-database = Database
app-settings-database-file = Database file
app-settings-database-hint = Open another file with “lotse --db PATH”, a database on a PostgreSQL server with “lotse --db postgres://user@server/database” – or through the environment variable LOTSE_DB.
app-settings-database-server = Database on the server
app-read-only = You may only read this database: you can look at, evaluate and export everything, but change nothing.
app-read-only-hint = With read-only access nothing can be changed here.
app-backup-on-server = This database lies on a PostgreSQL server. Backups are made by the server there, not by Lotse: ask your IT department to back the database up regularly, for example every night with this command:
app-backup-on-server-restore = Such a backup is restored with pg_restore into an empty database. “lotse migrate-to FILE” makes a copy as a file.
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
app-open-hover = { $full } – click to open another database.
app-open-title = Open a database
app-open-current = Lotse is working with { $name }.
app-open-kind-default = The default file on this computer
app-open-kind-file = Another file
app-open-kind-server = A database on a PostgreSQL server (several officers)
app-open-file-label = File
app-open-choose-file = Choose …
app-open-file-dialog = Choose a Lotse database
app-open-url-label = Address
app-open-url-hint = postgres://user@server/database
app-open-password = Password
app-open-password-needed = The server wants a password. Enter it and click “Open” again; it is used for this login only and never stored.
app-open-note = Lotse remembers the choice and opens this database again at the next start (also for the command line without --db). A password is never stored.
app-open-open = Open
app-open-opening = Opening the database …
app-open-password-in-url = A password does not belong in the database's address. Leave it out: Lotse asks for it, or put it into the .pgpass file.
app-open-empty-file = Say which file to open.
app-open-empty-url = Enter the database's address, for example postgres://user@server/database.
app-open-same = This database is open already.
app-open-opened = Lotse is working with { $name } now.
app-open-not-remembered = The database is open, but the choice could not be saved; at the next start Lotse opens the previous one again. { $reason }
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
elig-n-of = at least { $needed } seminars from { $seminars }: { $done } attended
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
cert-verify = The issuing office confirms authenticity with the verification code { $code }.
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
cli-print-arg-pdfa = Archival PDF/A-2b (for the E-Akte): yes or no; without it, as the settings say.
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
impatt-session = Session: { $code } “{ $title }”, { $when } ({ $hours } h)
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
report-no-department = without organisational unit
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
cli-export-compliance-about = Compliance report for audits: coverage, certificate holders, expired and revoked certificates — for the whole administration or one department (.pdf or .xlsx).
cli-export-matrix-about = Training matrix: employees × programs or seminars (.csv or .xlsx).
cli-export-certificates-about = Every issued certificate with its status (.csv or .xlsx).
cli-export-employees-about = The staff list, leavers included (.csv or .xlsx).
cli-export-hours-about = Training hours of a year per department and per person (.csv or .xlsx).
cli-arg-year = The calendar year (default: the current one).
cli-arg-columns = Matrix columns: programs or seminars.
cli-arg-search = Only employees whose name or personnel number contains this text.
cli-export-coverage-arg-output = The file to write: .csv, .xlsx or .pdf.
cli-export-compliance-arg-output = The file to write: .pdf or .xlsx.
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
train-col-when = When
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
cli-sessions-ics-about = Writes the invitation to a session as a calendar file (.ics) for Outlook, Thunderbird and other calendars.
cli-sessions-ics-arg-id = The session's ID (see “lotse sessions list”).
cli-sessions-ics-arg-output = The calendar file to write (.ics).
cli-sessions-ics-arg-attendees = With the participants as attendees (an invitation to send).
cli-sessions-ics-arg-cancel = A cancellation of the session instead of the invitation.
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

## Desktop app: seminars, sessions, roster, participant-list import, training history (issue 3)
apptr-title = Seminars & sessions
apptr-tab-sessions = Sessions
apptr-tab-catalogue = Seminar catalogue
apptr-session-add = + Add session
apptr-session-add-hint = Schedule a new session of a seminar
apptr-seminar-add = + Add seminar
apptr-upcoming = Upcoming ({ $count })
apptr-past = Past ({ $count })
apptr-all-seminars = All seminars
apptr-all-providers = All providers
apptr-from = from
apptr-to = to
apptr-filter-reset = Reset filters
apptr-col-when = Date and time
apptr-col-participants = Participants
apptr-col-sessions = Sessions
apptr-sessions-none-yet = No sessions yet. Add seminars to the catalogue first, then their sessions.
apptr-sessions-none-upcoming = No upcoming sessions for this selection.
apptr-sessions-none-past = No past sessions for this selection.
apptr-seminars-none-yet = No seminars in the catalogue yet.
apptr-show-archived = Show archived seminars
apptr-archived-title = { $title } (archived)
apptr-seminar-new-title = New seminar
apptr-seminar-edit-title = Edit seminar
apptr-seminar-is-archived = This seminar is archived: its history is kept, new sessions are not possible.
apptr-provider-hint = e.g. krz DigiFit-Akademie
apptr-topic-hint = e.g. Digital administration
apptr-hours-hint = e.g. 7.5
apptr-invalid-hours = “{ $text }” is not a valid number of hours. Please enter a number such as 4 or 3.5.
apptr-seminar-added = Seminar { $code } was added.
apptr-seminar-saved = Changes to seminar { $code } were saved.
apptr-seminar-archived = Seminar { $code } was archived.
apptr-seminar-unarchived = Seminar { $code } is back in the catalogue.
apptr-seminar-sessions = { $count ->
    [0] This seminar has no sessions yet.
    [one] This seminar has one session.
   *[other] This seminar has { $count } sessions.
}
apptr-session-add-for = + Session of this seminar
apptr-seminar-archive = Archive
apptr-seminar-unarchive = Back into the catalogue
apptr-seminar-archive-hint = Archived seminars disappear from pickers; their sessions and attendance are kept.
apptr-session-new-title = New session
apptr-session-edit-title = Edit session
apptr-choose-seminar = – choose a seminar –
apptr-date-missing = Please enter the date.
apptr-invalid-time = “{ $text }” is not a valid time. Please enter it as HH:MM, e.g. 09:00.
apptr-invalid-capacity = “{ $text }” is not a valid number of places. Please enter a whole number or leave the field empty.
apptr-at = at
apptr-oclock = h
apptr-time-hint = HH:MM
apptr-start-time = Start (time)
apptr-end-time = End (time)
apptr-end-date-hint = same as start
apptr-location-hint = Room or link to the webinar
apptr-capacity-hint = empty = no limit
apptr-session-added = Session { $code } on { $when } was added.
apptr-session-saved = Changes to session { $code } on { $when } were saved.
apptr-session-deleted = { $rows ->
    [0] The session was deleted.
    [one] The session was deleted, and one attendance record with it.
   *[other] The session was deleted, and { $rows } attendance records with it.
}
apptr-roster-title = Roster
apptr-participants = { $count } participants
apptr-participants-of = { $count } participants for { $capacity } places
apptr-roster-open = Open roster
apptr-session-delete = Delete session …
apptr-session-delete-hint = Deletes the session. If attendance has been recorded, Lotse asks first.
apptr-confirm-edit-title = Change a session with attendance?
apptr-confirm-delete-title = Delete a session with attendance?
apptr-confirm-edit = Change anyway
apptr-confirm-delete = Delete session and attendance
apptr-back = ← All sessions
apptr-session-edit = Edit session
apptr-seats-of = Places: { $taken } of { $capacity } taken
apptr-seats = Places: { $taken } taken (no limit)
apptr-full-hours = { $hours } h credited per person
apptr-over-capacity = { $over ->
    [one] Warning: the session is overbooked by one place ({ $taken } people for { $capacity } places).
   *[other] Warning: the session is overbooked by { $over } places ({ $taken } people for { $capacity } places).
}
apptr-not-started = The session has not started yet: until then only “registered” or “excused” can be recorded.
apptr-add-person = Add person
apptr-add-person-hint = Name or personnel number
apptr-add-person-keys = ↑ ↓ choose · Enter adds · Esc back to the list
apptr-add-none-found = Nobody found who is not on the list yet and was employed at the time of the session.
apptr-choose-department = – choose a unit –
apptr-add-department = Add department
apptr-add-department-hint = Registers all active employees of the chosen unit and its sub-units.
apptr-import = Import participant list …
apptr-import-hint = Take the provider's participant list (CSV or XLSX) into this session
apptr-select-all = Select all
apptr-none-selected = Row ▶:
apptr-selected = { $count } selected:
apptr-mark-attended = Attended
apptr-mark-absent = Absent
apptr-mark-excused = Excused
apptr-remove = Remove …
apptr-remove-title = Remove from the roster?
apptr-remove-question = { $count ->
    [one] Remove the selected person from the roster? Their attendance at this session is deleted.
   *[other] Remove the { $count } selected people from the roster? Their attendance at this session is deleted.
}
apptr-remove-confirm = Remove from the list
apptr-all-attended = All registered → attended
apptr-all-attended-hint = { $count ->
    [0] Nobody is only registered any more.
    [one] Marks the one person still registered as attended, with the full hours.
   *[other] Marks all { $count } people still registered as attended, with the full hours.
}
apptr-keys-hint = Keyboard: ↑↓ row · Shift+↑↓ range · Space select · Ctrl+A all · 1 attended · 2 absent · 3 excused · Tab hours · Enter save · Esc back
apptr-col-name = Name
apptr-col-department = Unit
apptr-roster-empty = Nobody on the roster yet. Add people or a whole department, or import the provider's list.
apptr-select-person = Select { $name }
apptr-status-of = Status of { $name }
apptr-hours-of = Hours of { $name }
apptr-note-of = Note on { $name }
apptr-added = { $added ->
    [0] Nobody was added.
    [one] One person was added.
   *[other] { $added } people were added.
}
apptr-added-skipped = { $skipped ->
    [one] One person was on the list already.
   *[other] { $skipped } people were on the list already.
}
apptr-removed = { $count ->
    [one] One person was removed from the list.
   *[other] { $count } people were removed from the list.
}
apptr-status-set = { $count ->
    [0] Nothing changed – the status was recorded like that already.
    [one] One attendance was recorded.
   *[other] { $count } attendances were recorded.
}
apptr-import-dialog-title = Import participant list
apptr-import-title = Participant list: { $file }
apptr-import-added = New on the list
apptr-import-updated = Changed
apptr-import-unchanged = Unchanged
apptr-import-unresolved = Not matched
apptr-import-rejected = Rejected
apptr-import-skipped = Skipped
apptr-import-tab-unresolved = To match ({ $open } of { $count } open)
apptr-import-blocked = Import is possible once every row is matched to a person or skipped and no row is rejected.
apptr-import-resolve-hint = These rows fit nobody or several people. Choose the person meant, or skip the row – Lotse does not guess.
apptr-import-col-written = In the file
apptr-import-col-problem = Problem
apptr-import-col-choice = Match
apptr-import-col-person = Person
apptr-import-col-entry = Entry
apptr-import-col-matched = Matched
apptr-import-choose = – please choose –
apptr-import-skip = Skip row
apptr-import-choice-for = Match for line { $line }
apptr-import-none-unresolved = Every row is matched to exactly one person.
apptr-import-none-added = Nobody is added to the list.
apptr-import-none-updated = No entry changes.
apptr-import-none-rejected = No row is rejected.
apptr-history-title = Seminars attended
apptr-history-none = No seminars recorded yet.
apptr-history-totals = Hours per year
apptr-history-year = { $hours } h · { $completed ->
    [one] 1 seminar
   *[other] { $completed } seminars
}
apptr-history-partial = { $partial } in part

## Dashboard and reports in the desktop app (apprep-)
apprep-dashboard-title = Dashboard
apprep-dashboard-subtitle = As of { $date } · { $employees } active employees
apprep-computing = Computing …
apprep-expiring-title = Certificates expiring soon
apprep-expiring-summary = { $count ->
    [0] No certificate expires in the next 90 days.
    [one] One certificate expires in the next 90 days. Click the row to open the person.
   *[other] { $count } certificates expire in the next 90 days. Click a row to open the person.
}
apprep-col-name = Name
apprep-col-program = Program
apprep-col-valid-until = Valid until
apprep-col-days-left = Left
apprep-col-when = Date
apprep-col-seminar = Seminar
apprep-col-participants = Places
apprep-col-department-code = Unit
apprep-col-coverage = Coverage
apprep-col-hours-per-employee = Hours per person
apprep-days-left = { $days ->
    [0] today
    [one] 1 day
   *[other] { $days } days
}
apprep-open-employee = Personnel no. { $number } – click to open the person
apprep-open-employee-short = Click to open the person
apprep-open-session = Click to open the session's roster
apprep-to-certificates = Go to certificates
apprep-due-title = Eligible, not yet certified
apprep-due-hint = These employees meet every requirement and hold no valid certificate of the program.
apprep-due-count = { $count ->
    [0] Nobody is waiting for a certificate.
    [one] 1 person meets every requirement
   *[other] { $count } people meet every requirement
}
apprep-due-more = and { $count } more
apprep-issue = Issue …
apprep-issue-hint = Go to “Programs” and issue the certificates for “{ $program }”
apprep-sessions-title = Upcoming sessions
apprep-sessions-hint = Sessions in the next 14 days with registered participants and places.
apprep-sessions-none = No session takes place in the next 14 days.
apprep-participants = { $count ->
    [one] 1 person registered
   *[other] { $count } people registered
}
apprep-participants-of = { $count } of { $capacity } places taken
apprep-to-seminars = Go to seminars
apprep-weekday = { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
apprep-chart-title = Coverage by unit
apprep-chart-total = Overall { $valid } of { $employees } employees hold a valid certificate ({ $percent } %).
apprep-chart-tooltip = { $department }: { $valid } of { $employees } with a valid certificate ({ $percent } %)
apprep-chart-empty = No units yet.
apprep-program = Program
apprep-title = Reports
apprep-tab-coverage = Coverage
apprep-tab-matrix = Training matrix
apprep-tab-hours = Training hours
apprep-as-of = As of
apprep-as-of-hint = The day the figures are computed for, e.g. 2025-12-31 for the year end
apprep-as-of-today = Today
apprep-as-of-year-end = End of { $year }
apprep-coverage-hint = Each line includes its sub-units. Click a number to see the people behind it.
apprep-cell-spoken = { $measure }, { $department }: { $value }
apprep-drill-title = { $measure } – { $department } · { $program }, as of { $date }
apprep-drill-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}
apprep-drill-none = Nobody.
apprep-export = Export:
apprep-export-csv = CSV …
apprep-export-xlsx = Excel …
apprep-export-pdf = PDF …
apprep-export-csv-hint = Save as a CSV file (semicolons, for Excel)
apprep-export-xlsx-hint = Save as an Excel workbook (XLSX)
apprep-export-pdf-hint = Save as a printable report (PDF)
apprep-export-dialog = Save report
apprep-exporting = Writing “{ $file }” …
apprep-exported = “{ $file }” was saved ({ $rows ->
    [one] 1 row
   *[other] { $rows } rows
}).
apprep-file-coverage = coverage
apprep-file-matrix = training-matrix
apprep-file-hours = training-hours
apprep-matrix-columns = Columns
apprep-matrix-programs = Programs
apprep-matrix-seminars = Seminars
apprep-matrix-department-hint = Shows the employees of this unit and all its sub-units
apprep-matrix-count = { $shown } of { $total } employees
apprep-matrix-none = Nobody matches the search and filter.
apprep-matrix-no-seminars = The catalogue has no seminar yet.
apprep-legend = Colours:
apprep-legend-valid = valid
apprep-legend-expiring = expires within 90 days
apprep-legend-expired = expired
apprep-legend-progress = in progress
apprep-legend-none = – nothing yet
apprep-legend-attended = attended
apprep-legend-partial = attended in part
apprep-legend-registered = registered
apprep-legend-not-attended = – not attended
apprep-seminar-partial-short = part { $date }
apprep-seminar-registered-short = reg. { $date }
apprep-hours-year = Year
apprep-hours-previous = Previous year
apprep-hours-next = Next year
apprep-hours-summary = { $employees } employees, { $trained } of them trained · { $hours } h in total · { $average } h per person
apprep-hours-departments = By unit (click a line to list only its people)
apprep-hours-employees = Per person
apprep-hours-employees-of = Per person in { $department }
apprep-hours-show-all = Show all
apprep-hours-left = Left during the year

## Programs, eligible staff, certificates in the desktop app (appcert-)
appcert-programs-title = Programs
appcert-programs-count = { $count ->
    [one] 1 program
   *[other] { $count } programs
}
appcert-programs-none-yet = No certification programs yet. Create the first one, e.g. "Digital Pilot".
appcert-program-has-errors = Please check the fields marked.
appcert-program-add = + New program
appcert-program-edit = Edit program
appcert-program-new-title = New program
appcert-program-edit-title = Edit program { $code }
appcert-program-added = Program { $code } was created.
appcert-program-saved = Changes to program { $code } were saved.
appcert-program-archived = Program { $code } was archived.
appcert-program-unarchived = Program { $code } is active again.
appcert-program-archive = Archive
appcert-program-archive-hint = An archived program is kept with its certificates, but no new certificates are issued for it.
appcert-program-unarchive = Activate again
appcert-program-unarchive-hint = This program is archived. Activate it again to issue certificates for it.
appcert-program-archived-hint = This program is archived: no more certificates are issued for it.
appcert-archived = archived
appcert-col-code = Code
appcert-col-title = Title
appcert-col-validity = Validity
appcert-col-requirements = Requirements
appcert-col-due = Eligible, no certificate
appcert-col-certified = Certified
appcert-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
appcert-no-expiry = no expiry
appcert-hint-code = e.g. DL
appcert-hint-prefix = e.g. DL (gives DL-2026-0001)
appcert-hint-male = e.g. Digitallotse
appcert-hint-female = e.g. Digitallotsin
appcert-hint-neutral = e.g. Digitallots:in
appcert-hint-en = e.g. Digital Pilot
appcert-hint-validity = empty = no expiry
appcert-validity-not-a-number = "{ $text }" is not a number of months. Enter e.g. 24, or leave the field empty (no expiry).
appcert-allow-partial = Partial attendance counts for required seminars
appcert-allow-partial-hint = When ticked, a partial attendance (with hours credited) also meets a required seminar.
appcert-req-none = No requirement yet. A program needs at least one.
appcert-req-add = Add a requirement:
appcert-req-add-seminar = + Required seminar
appcert-req-add-n-of = + At least N of …
appcert-req-add-hours = + Hours in a topic
appcert-req-add-prerequisite = + Valid certificate
appcert-req-kind-seminar = Required seminar
appcert-req-kind-n-of = At least N of several seminars
appcert-req-kind-hours = At least H hours in a topic
appcert-req-kind-prerequisite = Valid certificate of another program
appcert-req-up = Move up
appcert-req-down = Move down
appcert-req-remove = Remove requirement
appcert-req-at-least = at least
appcert-req-of-chosen = { $count ->
    [one] of 1 chosen seminar
   *[other] of { $count } chosen seminars
}
appcert-req-in-topic = in topic
appcert-req-program = Program
appcert-req-choose-seminar = Please choose a seminar.
appcert-req-choose-program = Please choose a program.
appcert-req-choose-topic = Choose a topic …
appcert-hours-suffix = { " " }h
appcert-req-seminar-label = required seminar "{ $seminar }"
appcert-req-n-of-label = at least { $n } of { $of } seminars
appcert-req-hours-label = at least { $hours } h in "{ $topic }"
appcert-req-prerequisite-label = valid certificate "{ $program }"
appcert-requirements-line = Requirements: { $list }
appcert-eligible-title = { $title } – eligible, no certificate yet: { $count }
appcert-show-all = Show all active employees with their progress
appcert-select-all-due = Select all eligible
appcert-col-name = Name
appcert-col-progress = Progress
appcert-col-state = Standing
appcert-all-met = All requirements met
appcert-holds = Certificate { $serial }, valid until { $until }
appcert-eligible-none = Nobody without a valid certificate meets every requirement at the moment. "Show all active employees with their progress" shows how far the others are.
appcert-eligible-nobody-active = There are no active employees.
appcert-issue-date = Date of issue
appcert-signatory-name = Signed by
appcert-signatory-name-hint = e.g. Anke Müller-Weiß
appcert-signatory-title = Position
appcert-signatory-title-hint = e.g. Mayor
appcert-signatory-override = Applies to this issue only; the settings stay as they are.
appcert-issue-submit = { $count ->
    [0] No certificate selected
    [one] Issue 1 certificate
   *[other] Issue { $count } certificates
}
appcert-issue-running = { $count ->
    [one] Issuing 1 certificate …
   *[other] Issuing { $count } certificates …
}
appcert-issue-cancelled = Cancelled – no certificate was issued.
appcert-issued-none = No certificate was issued.
appcert-issued-one = Certificate { $serial } issued.
appcert-issued-many = { $count } certificates issued: { $first } to { $last }.
appcert-issue-one-open = Issue certificate
appcert-issue-one-title = Issue a certificate
appcert-issue-one-what = { $title } – { $name }
appcert-issue-one-submit = Issue certificate
appcert-print-open = Print …
appcert-print-issued-hint = Print exactly the certificates just issued
appcert-employee-programs = Programs
appcert-employee-no-programs = There are no certification programs yet.
appcert-employee-met = { $met } of { $total } requirements met
appcert-certificates-title = Certificates
appcert-certificates-count = { $shown } shown · { $valid } valid
appcert-certificates-none-yet = No certificates issued yet. Issue them under "Programs" or on an employee's page.
appcert-certificates-none-found = No certificate matches the search and filters.
appcert-search-hint = Serial, name, personnel no.
appcert-filter-all-programs = All programs
appcert-filter-all-status = All
appcert-filter-valid = valid (expiring ones included)
appcert-col-serial = Serial
appcert-col-program = Program
appcert-col-issued = Issued
appcert-col-valid-until = Valid until
appcert-col-status = Status
appcert-status-valid = valid
appcert-status-expiring = expiring
appcert-status-expired = expired
appcert-status-revoked = revoked
appcert-status-superseded = superseded
appcert-status-not-yet-issued = not yet valid
appcert-select-all-shown = Select all shown
appcert-selected-count = { $count ->
    [0] none selected
   *[other] { $count } selected
}
appcert-select-none = Clear selection
appcert-print-one = Print …
appcert-print-selected = Print { $count } …
appcert-correct-open = Correct …
appcert-correct-hint = Issue a corrected certificate (e.g. with the name spelt right) that replaces this one.
appcert-correct-disabled = Select exactly one certificate that is neither superseded nor revoked.
appcert-revoke-open = Revoke …
appcert-revoke-disabled = Select exactly one certificate that is not revoked yet.
appcert-detail-revoked = revoked on { $date }: { $reason }
appcert-detail-superseded = superseded by { $serial }
appcert-reason = Reason
appcert-back = Back
appcert-correct-title = Correct certificate { $serial }
appcert-correct-intro = A new certificate with a new serial is issued and replaces this one. Seminars, date and signature stay as printed; the old certificate is kept, marked "superseded".
appcert-correct-reason-hint = e.g. spelling of the last name
appcert-correct-submit = Issue corrected certificate
appcert-corrected = The corrected certificate is { $new }; it supersedes { $old }.
appcert-revoke-title = Revoke certificate { $serial }
appcert-revoke-intro = Certificate { $serial } of { $name }. A revoked certificate stays on record but is no longer valid; checking its code shows "Revoked".
appcert-revoke-date = Revoked as of
appcert-revoke-reason-hint = e.g. issued twice by mistake
appcert-revoke-submit = Continue …
appcert-revoke-confirm = Really revoke certificate { $serial }? This cannot be undone.
appcert-revoke-confirm-yes = Yes, revoke it
appcert-revoked = Certificate { $serial } was revoked.
appcert-print-title = Print: { $what }
appcert-print-count = { $count } certificates
appcert-print-file-stem = Certificates
appcert-print-orientation = Page
appcert-print-portrait = A4 portrait
appcert-print-landscape = A4 landscape
appcert-print-language = Language
appcert-print-target = Output
appcert-print-merged = One PDF file with all certificates (for the printer)
appcert-print-folder = A folder with one PDF file each (Serial_Lastname.pdf)
appcert-print-choose-file = Choose a PDF file and print …
appcert-print-choose-folder = Choose a folder and print …
appcert-print-show = Show
appcert-print-show-hint = Open the certificate as a PDF in the default viewer, to print or save it from there
appcert-print-save-as = Save as …
appcert-print-dialog-title = Save certificates
appcert-print-filter = PDF document
appcert-print-loading = Loading the certificates …
appcert-print-progress-files = { $done } of { $count } files written …
appcert-print-progress-pages = { $count ->
    [one] Creating the certificate …
   *[other] Creating one PDF file with { $count } pages …
}
appcert-print-done-file = { $count ->
    [one] The certificate was saved: { $path }
   *[other] { $count } certificates were saved in one file: { $path }
}
appcert-print-done-folder = { $count } files were saved in the folder { $path }.
appcert-print-done-viewer = The certificate was opened in the default PDF viewer ({ $path }).
appcert-print-open-file = Open PDF
appcert-print-open-folder = Open folder
appcert-print-again = Print again …
appcert-print-cancelled = Printing was cancelled.
appcert-print-cancelled-folder = Files already written stay in the folder.
appcert-print-thread-gone = Creating the PDF files stopped unexpectedly. Please try again.
appcert-open-failed = { $path } could not be opened ({ $detail }). Please open the file yourself.
appcert-verify-open = Verify a code …
appcert-verify-open-hint = Check whether a certificate is genuine by its verification code
appcert-verify-title = Verify a certificate
appcert-verify-intro = Enter the verification code as printed on the certificate (case and dashes do not matter), or paste the text of the QR code.
appcert-verify-code = Verification code
appcert-verify-check = Verify
appcert-verify-checked = Checked: { $code }
appcert-verify-revoked-on = Revoked on { $date }: { $reason }
appcert-verify-superseded-by = Superseded by the corrected certificate { $serial }.
appcert-verify-altered-serial = Serial { $serial }: the stored data was altered. Do not rely on this certificate.
appcert-verify-unknown-hint = Check what you typed. Certificates from another Lotse database cannot be verified here.
appcert-field-name = Name
appcert-field-title = Title
appcert-field-program = Program
appcert-field-organisation = Organisation
appcert-field-place = Place
appcert-field-issued-on = Issued on
appcert-field-valid-until = Valid until
appcert-field-seminars = Training
appcert-field-signatory = Signed by
appcert-field-serial = Serial
appcert-field-code = Verification code
appcert-seminar-line = { $title } – { $date }, { $hours } h
appcert-total-hours = { $hours } h in total
appcert-settings-title = Certificates
appcert-settings-logo = Logo
appcert-settings-no-logo = No logo set
appcert-settings-logo-choose = Choose logo …
appcert-settings-logo-remove = Use the default logo
appcert-settings-default-logo = Lotse’s default logo (a neutral compass rose). Replace it with your administration’s logo.
appcert-settings-logo-replace = Choose your own logo …
appcert-settings-logo-dialog = Choose the logo for certificates
appcert-settings-logo-filter = Images (PNG, JPEG)
appcert-settings-logo-saved = The logo was saved. It appears on certificates issued from now on.
appcert-settings-wording-de = Certificate text (German)
appcert-settings-wording-en = Certificate text (English)
appcert-settings-wording-reset = Restore default
appcert-settings-hint = The text stands between the name and the title. The organisation's name and place (above) are printed too. Certificates already issued stay as they are.
appcert-settings-save = Save certificate settings
appcert-settings-saved = The certificate settings were saved.
appcert-settings-pdfa = Archiving
appcert-settings-pdfa-check = Print as PDF/A-2b (for the E-Akte)
appcert-settings-pdfa-hint = Certificates and the coverage report are printed as archival PDF/A-2b, as the E-Akte requires. This makes each file about 2 KB larger.
appcert-settings-pdfa-saved = The PDF/A setting was saved.

## Printing only valid versions
certs-print-refused = Not printed – these certificates must not be handed out any more:
certs-print-revoked = { $serial } is revoked.
certs-print-superseded = { $serial } was superseded by a corrected version; print that one.
certs-print-altered = { $serial }: the stored details no longer match the verification code (altered in the database).
certs-left = has left
certs-missing = meets { $met } of { $total } requirements on the issue date

## Requirements as rules
elig-rule-seminar = required seminar “{ $seminar }”
elig-rule-n-of = at least { $n } of: { $seminars }
elig-rule-hours = at least { $hours } h in “{ $topic }”
elig-rule-prerequisite = valid certificate “{ $program }”

## Command line: database path
cli-no-database = The database { $path } does not exist. Check the path (--db or LOTSE_DB), or create it with “lotse demo”, an import, or in the app.
cli-bad-today = LOTSE_TODAY=“{ $value }” is not a date (expected e.g. 2026-11-21).
cli-seminar-line = { $title } ({ $date }, { $hours } h)

## Sample data: limits (demo-limit-)
demo-limit-employees = The sample administration can have 1 to 50,000 employees.

## Backups, restore, check (command line and settings)
cli-backup-about = Takes a backup of the database: into the "backups" folder beside the database or, with -o, into a file of your choice.
cli-backup-arg-output = Write the backup to this file instead of the backups folder.
cli-backups-about = The backups in the "backups" folder beside the database.
cli-backups-list-about = Lists the backups with time, occasion, size and content.
cli-restore-about = Replaces the database by a backup. The current state is backed up first, so a restore can be undone.
cli-restore-arg-file = The backup file.
cli-restore-arg-yes = Restore without asking.
cli-check-about = Checks the database (SQLite's checks and Lotse's rules) and, with --repair, repairs what can be repaired safely.
cli-check-arg-repair = Repair what can be repaired safely (after a backup).
cli-backup-written = Backup written: { $path } ({ $employees } employees, { $certificates } certificates).
cli-restore-confirm = The database { $db } will be replaced by the backup { $file } ({ $employees } employees, { $certificates } certificates). All changes since that backup are replaced; the current state is backed up first.
cli-restore-needs-yes = Add --yes to restore the backup without being asked.
cli-yes-no-prompt = y/n
cli-restore-cancelled = Cancelled; the database was not changed.
cli-restored = The backup { $file } was restored ({ $employees } employees, { $certificates } certificates).
cli-restore-undo = The state before the restore was backed up: { $file } (to undo: lotse restore "{ $file }").
cli-restore-kept = The damaged file was kept as { $file }.
cli-daily-backup-failed = The change is saved, but the daily backup could not be taken: { $reason }
backup-thinning-invalid = Please keep at least the backups of one day.
backup-needs-file = Only a database file can be backed up.
backup-on-server = This database lies on a PostgreSQL server; backups are made by the server there, not by Lotse. Ask your IT department for regular backups, for example with: pg_dump -Fc -f lotse.dump { $url }
backup-col-taken = Taken
backup-col-reason = Occasion
backup-col-size = Size
backup-col-employees = Employees
backup-col-certificates = Certificates
backup-col-file = File
backup-unreadable = unreadable
backup-reason-manual = by hand
backup-reason-closing = on closing
backup-reason-daily = first change of the day
backup-reason-before-migration = before an update
backup-reason-before-restore = before a restore
backup-reason-before-repair = before a repair
check-ok = The database is in order.
check-hint-repair = "lotse check --repair" (or "Repair" in the settings) fixes this; a backup is taken first.
check-hint-restore = This cannot be repaired safely. Restore a backup (lotse backups list, lotse restore FILE).
check-backup-taken = Backed up before the repair: { $file }
check-repaired = Repaired: { $what }
check-integrity = SQLite found damaged pages or indexes in the file.
check-orphan = An entry in { $table } (no. { $row }) refers to an entry in { $parent } that no longer exists.
check-serial-gap = The numbers of the certificates { $program } { $year } are missing: { $numbers }.
check-certificate-altered = The stored fields of certificate { $serial } no longer match its verification code; they were changed after issue.
check-superseded-mismatch = Certificate { $serial } is marked as superseded by a certificate of another person or program.
check-department-cycle = The department { $code } is its own parent through its parent units.
check-table-attendance = attendance
check-table-session = sessions
check-table-seminar = seminars
check-table-requirement = requirements
check-table-requirement-seminar = seminars of a requirement
check-table-employee = employees
check-table-department = departments
check-table-certificate = certificates
check-table-program = programs
check-table-asset = logos
app-settings-tab-general = General
app-settings-tab-certificates = Certificates
app-settings-backup = Backups
appbackup-intro = Lotse backs the database up automatically: when it closes, after the first change of a day, and before every update, repair and restore. Older backups are thinned out.
appbackup-folder = Backup folder:
appbackup-open-folder = Open folder
appbackup-open-folder-failed = The backup folder could not be opened. Please open it in the file manager.
appbackup-take = Back up now
appbackup-taking = Backing up …
appbackup-taken = Backup taken ({ $employees } employees, { $certificates } certificates).
appbackup-cancelled = The backup was cancelled; nothing was written.
appbackup-check = Check database
appbackup-check-hint = Checks the whole file (SQLite) and Lotse's rules: gapless numbers, unaltered certificates, no orphaned entries.
appbackup-checking = Checking …
appbackup-check-found = The check found { $count } problems:
appbackup-repair = Repair
appbackup-repairing = Repairing …
appbackup-repair-hint = "Repair" fixes what can be fixed safely; a backup is taken first.
appbackup-restore-hint = This cannot be repaired safely. Restore a backup from before the problem.
appbackup-none = There is no backup yet. The first one is taken on closing or with "Back up now".
appbackup-restore = Restore …
appbackup-restoring = Restoring the backup …
appbackup-restored = The backup was restored ({ $employees } employees, { $certificates } certificates). The previous state is kept as a backup "before a restore".
appbackup-restore-title = Restore the backup?
appbackup-restore-question = The database will be replaced by the backup of { $taken } ({ $employees } employees, { $certificates } certificates). All changes since that backup are replaced. The current state is backed up first, so you can undo the restore.
appbackup-restore-yes = Restore backup
appbackup-thinning = Keeping backups
appbackup-thinning-hint = The newest backup always stays; older ones are thinned only after a new backup has been checked.
appbackup-keep-all-days = Every backup of the last … days
appbackup-keep-daily-days = One a day for … days
appbackup-keep-weekly-weeks = One a week for … weeks
appbackup-keep-monthly-months = One a month for … months
appbackup-thinning-saved = The backup retention was saved.
appbackup-closing-failed = No backup could be taken on closing: { $reason }
appbackup-daily-failed = The daily backup could not be taken: { $reason } Your changes are saved.
appbackup-thinning-save = Save retention

## Retention of leavers (issue 10)
retention-action-anonymise = anonymise
retention-action-delete = delete
retention-action-anonymise-explained = Name, e-mail address and personnel number are replaced; attendance and certificates stay without the person, so that reports keep their totals.
retention-action-delete-explained = The person is deleted with their attendance; certificates issued stay verifiable without the name. Reports on past years no longer count them.
retention-years-invalid = The retention period must be between 1 and { $max } years.
retention-policy = Retention period: { $years ->
    [one] 1 year
   *[other] { $years } years
} after the exit date, then { $action ->
    [delete] delete
   *[other] anonymise
}.
retention-applied = { $count ->
    [one] 1 leaver was
   *[other] { $count } leavers were
} { $action ->
    [delete] deleted
   *[other] anonymised
} ({ $attendance ->
    [one] 1 attendance record
   *[other] { $attendance } attendance records
}, { $certificates ->
    [one] 1 certificate
   *[other] { $certificates } certificates
}).
retention-failed = It failed for { $name } ({ $number }): { $reason } The run stopped there; { $remaining ->
    [one] 1 person is
   *[other] { $remaining } people are
} still due.
retention-col-exit = Exit
retention-col-due-since = Due since
retention-col-attendance = Attendance
retention-col-certificates = Certificates
retention-cli-none = Nobody is past the retention period.
retention-cli-dry-run = Dry run, nothing was changed: { $count ->
    [one] 1 person would be
   *[other] { $count } people would be
} { $action ->
    [delete] deleted
   *[other] anonymised
}. Run with --apply to do it.
cli-privacy-about = Personal data of one employee (GDPR): access (Art. 15) and erasure (Art. 17).
cli-privacy-export-about = Writes everything Lotse stores about one employee into a ZIP file (access under Art. 15 GDPR).
cli-privacy-export-arg-personnel-number = The personnel number.
cli-privacy-export-arg-output = The ZIP file to write.
cli-privacy-erase-about = Erases one employee (Art. 17 GDPR): anonymises them, or deletes with --delete. Without --yes the plan is only shown; nothing changes.
cli-privacy-erase-arg-personnel-number = The personnel number.
cli-privacy-erase-arg-delete = Delete the attendance (and the record, unless certificates need it) instead of anonymising.
cli-privacy-erase-arg-also-backups = Also erase the person from every backup in the backups folder.
cli-privacy-erase-arg-yes = Confirm: go ahead.
cli-privacy-retention-about = Lists the leavers whose retention period is over (a dry run) and, with --apply, deletes or anonymises them as the settings say.
cli-privacy-retention-arg-apply = Apply the retention period: delete or anonymise everyone due (without this option nothing changes).
app-nav-retention = Retention
appret-title = Retention of leavers
appret-intro = Training records belong to the personnel file and are kept for a set period after someone leaves (§ 113 BBG and state law: usually 5 years). After that they must be deleted or anonymised.
appret-change-settings = Change the period …
appret-none = Nobody is past the retention period.
appret-reminder = { $count ->
    [one] 1 leaver is
   *[other] { $count } leavers are
} past the retention period
appret-reminder-hint = To the list of those due under "Retention"
appret-reminder-open = Show
appret-apply = { $action ->
    [delete] Delete
   *[other] Anonymise
} as due …
appret-applying = Running …
appret-confirm-title = { $action ->
    [delete] Delete
   *[other] Anonymise
} as due?
appret-confirm-question = { $count ->
    [one] 1 leaver will be
   *[other] { $count } leavers will be
} { $action ->
    [delete] deleted
   *[other] anonymised
} ({ $attendance ->
    [one] 1 attendance record
   *[other] { $attendance } attendance records
}, { $certificates ->
    [one] 1 certificate
   *[other] { $certificates } certificates
}).
appret-confirm-undo = Only restoring a backup can undo this.
appret-confirm-yes = { $action ->
    [delete] Delete
   *[other] Anonymise
} { $count ->
    [one] 1 person
   *[other] { $count } people
}
appret-settings-title = Retention of leavers
appret-settings-hint = How long the data of leavers is kept after their exit date. The "Retention" page shows who is past the period; nothing is deleted or anonymised until you confirm.
appret-settings-years = Period in years after the exit date
appret-settings-action = Then
appret-settings-save = Save retention period
appret-settings-saved = The retention period was saved.

## Audit log (issue 10): the audit log screen, `lotse audit`, exports.
audit-entity-employee = Employee
audit-entity-department = Department
audit-entity-attendance = Attendance
audit-entity-certificate = Certificate
audit-entity-session = Session
audit-entity-seminar = Seminar
audit-entity-program = Program
audit-entity-setting = Setting
audit-entity-import = Import
audit-entity-demo = Sample data
audit-entity-database = Database
audit-action-add = added
audit-action-edit = edited
audit-action-delete = deleted
audit-action-remove = removed
audit-action-issue = issued
audit-action-revoke = revoked
audit-action-supersede = superseded
audit-action-correct = corrected
audit-action-restore = backup restored
audit-action-repair = repaired
audit-action-archive = archived
audit-action-unarchive = unarchived
audit-action-activate = activated
audit-action-deactivate = deactivated
audit-action-leave = left
audit-action-reinstate = active again
audit-action-create = created
audit-action-generate = generated
audit-action-import = imported
audit-action-export = exported
audit-action-erase = erased (data protection)
audit-col-id = No.
audit-col-at = Time
audit-col-user = User
audit-col-kind = Kind
audit-col-entity-id = Record
audit-col-action = Action
audit-col-personnel-number = Personnel number
audit-col-employee = Name
audit-col-summary = Details
audit-employee-gone = (no longer present)
audit-sheet-name = Audit log
cli-migrate-to-about = Copies the whole database into an empty one: a PostgreSQL database (postgres://user@server/database) or a new file. Afterwards both are counted and compared.
cli-migrate-to-arg-target = Where to: postgres://user@server/database or a file.
cli-setup-roles-about = Creates the roles lotse_officer (read and change) and lotse_reader (read only) on a PostgreSQL database and grants their rights. To be run by the database owner.
cli-migrated = Copied to { $target }: { $employees } employees, { $attendance } attendance records, { $certificates } certificates, { $audit } audit entries – the counts match.
cli-roles-done = The roles lotse_officer and lotse_reader are set up. Now add the logins to them, for example: GRANT lotse_officer TO anna;
migrate-target-not-empty = The target database is not empty; nothing was copied. Give a new, empty database as the target.
migrate-counts-differ = After copying, the counts in source and target differ. Do not use the target database; details are in the log (lotse.log).
roles-need-server = Roles exist only in a PostgreSQL database; a database file is protected by the operating system with the file's permissions.
cli-audit-about = The audit log of every change: who changed what, and when.
cli-audit-list-about = Lists audit entries, newest first.
cli-audit-export-about = Exports the chosen audit entries as .csv or .xlsx.
cli-audit-list-arg-from = Only entries on or after this day (2026-11-21 or 21.11.2026).
cli-audit-list-arg-to = Only entries up to and including this day.
cli-audit-list-arg-employee = Only entries about this person (personnel number): their record, attendances and certificates.
cli-audit-list-arg-kind = Only this kind of record: employee, department, attendance, certificate, session, seminar, program, setting, import, demo, database.
cli-audit-list-arg-action = Only this action, e.g. add, edit, issue, revoke.
cli-audit-list-arg-user = Only changes by this user (login name).
cli-audit-list-arg-limit = At most this many entries, newest first (default: 100; 0 = all).
cli-audit-list-arg-format = Output format: table, csv or json.
cli-audit-export-arg-from = Only entries on or after this day (2026-11-21 or 21.11.2026).
cli-audit-export-arg-to = Only entries up to and including this day.
cli-audit-export-arg-employee = Only entries about this person (personnel number): their record, attendances and certificates.
cli-audit-export-arg-kind = Only this kind of record: employee, department, attendance, certificate, session, seminar, program, setting, import, demo, database.
cli-audit-export-arg-action = Only this action, e.g. add, edit, issue, revoke.
cli-audit-export-arg-user = Only changes by this user (login name).
cli-audit-export-arg-output = The file to write: .csv or .xlsx.
cli-audit-more = Showing the newest { $shown } of { $total } entries; more with --limit (0 = all).
cli-audit-unknown-employee = Nobody has the personnel number { $number }.
app-nav-audit = Audit log
appaudit-title = Audit log
appaudit-count = { $n ->
    [one] 1 entry
   *[other] { $count } entries
}
appaudit-from = From
appaudit-to = To
appaudit-kind = Kind
appaudit-all-kinds = All kinds
appaudit-user = User
appaudit-all-users = All users
appaudit-employee = Person
appaudit-employee-hint = Personnel number or name
appaudit-employee-clear = Stop filtering by this person
appaudit-employee-none = No one found.
appaudit-filter-reset = Reset filters
appaudit-loading = Loading …
appaudit-empty = No entries match.
appaudit-export = Export:
appaudit-export-csv = CSV
appaudit-export-xlsx = Excel
appaudit-export-hint = Exports every entry of the selection, including those not loaded yet.
appaudit-export-dialog = Export audit log
appaudit-exporting = Exporting to “{ $file }” …
appaudit-exported = “{ $file }” was saved ({ $rows ->
    [one] one entry
   *[other] { $rows } entries
}).
appaudit-file = audit-log
appaudit-show-changes = Show changes
appaudit-show-changes-hint = Opens the audit log with every change concerning this person.

## Privacy: access (Art. 15) and erasure (Art. 17) of one person
privacy-already-erased = This person has already been anonymised.
privacy-erased-person = erased person
verify-holder-erased = { $status }, holder erased
certs-print-holder-erased = { $serial }: the holder was erased; the certificate can no longer be printed.
privacy-mode-anonymise = anonymise
privacy-mode-delete = delete
privacy-unknown-employee = No one has the personnel number { $number }.
privacy-cli-exported = Disclosure saved: { $path } ({ $attendance } attendances, { $certificates } certificates, { $audit } audit entries).
privacy-cli-needs-yes = Nothing was changed. Repeat with --yes to erase (with --also-backups also in the backups).
privacy-plan-heading = Erasure of { $name } (personnel number { $number }):
privacy-plan-already-erased = This person has already been anonymised; only the anonymous placeholder is left.
privacy-plan-mode-anonymise = Mode: anonymise – name, personnel number, e-mail and job title are replaced or cleared; department, entry and exit stay for past years' reports.
privacy-plan-mode-delete = Mode: delete – the attendance records are deleted; past years' reports no longer count this person.
privacy-plan-attendance-keep = { $count } attendance records stay, anonymous (status, hours); { $notes } notes are cleared.
privacy-plan-attendance-delete = { $count } attendance records are deleted.
privacy-plan-waitlist = { $count ->
    [one] One place on a waiting list is deleted.
   *[other] { $count } places on waiting lists are deleted.
}
privacy-plan-certificates = { $count } certificates stay verifiable (serial, program, dates, status), without a name.
privacy-plan-audit = { $count } audit entries are rewritten without personal data.
privacy-plan-placeholder = The record stays as an anonymous placeholder ("erased person").
privacy-plan-row-deleted = The record is deleted entirely.
privacy-plan-no-backups = No backup holds this person.
privacy-plan-backups = { $count ->
    [one] One backup still holds this person:
   *[other] { $count } backups still hold this person:
}
privacy-plan-backup-line = – { $file }: deleted by the backup schedule on { $until }
privacy-plan-backup-line-kept = – { $file }: kept by the backup schedule for now
privacy-erased = Erased ({ $mode }): { $attendance } attendance records, { $certificates } certificates, { $audit } audit entries.
privacy-erased-backups = Also erased from { $count } backups.
privacy-erased-backup-failed = Backup not changed: { $file }: { $reason }
privacy-wal-busy = Another program has the database open; old content leaves the file once it is closed.
privacy-export-title = Disclosure under Art. 15 GDPR
privacy-export-intro = Everything Lotse at { $organisation } stores about this person, as of { $date }.
privacy-export-person = Person
privacy-export-purpose = Purpose and legal basis
privacy-export-purpose-text = Lotse records the training of staff: registrations, attendance and certificates issued, to prove qualifications and to plan training.
privacy-export-legal-text = The legal basis is the employment relationship (§ 26 BDSG or the state's law) together with Art. 6 (1) (c) and (e) GDPR.
privacy-export-storage-text = The data is kept in the organisation's Lotse database and its backups; after a person leaves it is kept for the prescribed period and then erased or anonymised.
privacy-export-since = Stored since: { $date }
privacy-export-none = none
privacy-export-attendance = Registrations and attendance
privacy-export-certificates = Certificates
privacy-export-certificates-note = Revoked and replaced certificates are listed with their status. The certificates are in the folder "urkunden" as PDF.
privacy-export-history = Changes of the record (department changes included)
privacy-export-history-note = Lotse keeps only the current department; earlier changes of the record are in the audit log.
privacy-export-audit = Audit entries about this person
privacy-export-audit-note = Who changed what about this person's data, and when.
privacy-export-files = Files of this disclosure
privacy-export-files-text = auskunft.html (this summary), daten.json (the same data, structured), stammdaten.csv, teilnahmen.csv, zertifikate.csv, protokoll.csv (for Excel) and urkunden/ (the certificates as PDF).
privacy-field-personnel-number = Personnel number
privacy-field-salutation = Form of address
privacy-field-first-name = First name
privacy-field-last-name = Last name
privacy-field-email = E-mail
privacy-field-department = Department
privacy-field-job-title = Job title
privacy-field-entry = Entry
privacy-field-exit = Exit
privacy-field-erased = Erased on
privacy-col-field = Field
privacy-col-value = Value
privacy-col-code = Code
privacy-col-seminar = Seminar
privacy-col-topic = Topic
privacy-col-when = When
privacy-col-status = Status
privacy-col-hours = Hours
privacy-col-note = Note
privacy-col-serial = Serial
privacy-col-program = Program
privacy-col-title = Title
privacy-col-issued = Issued
privacy-col-valid-until = Valid until
privacy-col-revoked = Revoked on
privacy-col-reason = Reason
privacy-col-superseded-by = Replaced by
privacy-col-file = File
privacy-col-at = Time
privacy-col-actor = User
privacy-col-entity = Record
privacy-col-action = Action
privacy-col-summary = Description
privacy-export-button = Disclosure…
privacy-export-button-hint = Saves everything Lotse knows about this person as a ZIP (Art. 15 GDPR).
privacy-export-save-title = Save disclosure
privacy-export-saved = Disclosure saved: { $path }
privacy-erase-button = Erase…
privacy-erase-button-hint = Anonymise or delete this person (Art. 17 GDPR); shows first what will happen.
privacy-erase-title = Erase person (Art. 17 GDPR)
privacy-erase-how = How?
privacy-erase-anonymise-hint = Attendance stays, anonymous, for past years' reports.
privacy-erase-delete-hint = The attendance records are deleted too.
privacy-erase-also-backups = also erase from the backups
privacy-erase-irreversible = This cannot be undone.
privacy-erase-confirm = Erase for good
privacy-erase-cancel = Cancel
privacy-erase-loading = Working out the plan…
employee-delete-has-records = This person cannot simply be deleted: there { $attendance ->
        [one] is 1 attendance
       *[other] are { $attendance } attendances
    } and { $certificates ->
        [one] 1 certificate
       *[other] { $certificates } certificates
    } for them. Remove them with the erasure under Art. 17 GDPR: “Erase…” in the person’s form, or “lotse privacy erase” on the command line. Nothing was changed.
employee-delete-would = There is no attendance and no certificate for { $name } ({ $number }); the record would be deleted. The audit entries about this person stay.
employee-delete-needs-yes = Nothing was changed. Repeat with --yes to delete.
employee-deleted = { $name } ({ $number }) was deleted.
app-employee-delete-title = Delete person
app-employee-delete-text = There is no attendance and no certificate for { $name } ({ $number }) – perhaps the record was entered by mistake. It can simply be deleted; the audit entries about this person stay.
app-employee-delete-confirm = Delete record
app-employee-delete-erasure-note = There is attendance or a certificate for this person, so they can only be erased under Art. 17 GDPR: anonymised, or together with their attendance.
cli-no-desktop-app = This build of Lotse has no desktop app (it was built without the “gui” feature), only the commands. To see them: lotse --help

## Calendar files (.ics)

ics-link = Link to join
ics-written-invitation = The invitation was saved to { $file }.
ics-written-cancel = The cancellation was saved to { $file }. Send it to the participants before you delete the session.
ics-attendees = { $count ->
    [one] 1 person is invited in it.
   *[other] { $count } people are invited in it.
}
ics-without-email = { $count ->
    [one] 1 person has no e-mail address and was left out; add the address to the employee if they should get the invitation.
   *[other] { $count } people have no e-mail address and were left out; add the addresses to the employees if they should get the invitation.
}
ics-no-organizer = The file names no organizer: enter an organizer e-mail address under Settings → General so that calendars treat it as an invitation.
appics-invitation = Invitation (.ics) …
appics-cancel = Cancellation (.ics) …
appics-with-attendees = with participants as attendees
appics-hint = The calendar file is made from the saved session. Send a cancellation to the participants before you delete the session.
appics-no-organizer = For invitations that people can answer, enter an organizer e-mail address under Settings → General.
appics-file-filter = Calendar file
appics-file-name = Invitation
appics-cancel-file-name = Cancellation
appics-title = Calendar file

## Compliance report for audits (issue 14, point 5)
compliance-title = Training and certification compliance report
compliance-as-of = As of: { $date }
compliance-scope-all = Scope: the whole administration
compliance-generated = Generated on { $date } at { $time } by { $user }
compliance-intro = This report shows how many employees hold a valid certificate of each certification program on the reference day, who holds which certificate until when, whose certificate has expired without a new one being issued, and which certificates were revoked.
compliance-section-summary = 1. Summary per program
compliance-section-coverage = 2. Coverage by department
compliance-section-holders = 3. Valid certificates
compliance-section-expired = 4. Expired certificates without a valid successor
compliance-section-revoked = 5. Revoked certificates
compliance-program-count = { $program }: { $count }
compliance-none = None.
compliance-no-expiry = no expiry
compliance-col-program = Program
compliance-col-name = Name
compliance-col-personnel = Staff no.
compliance-col-revoked = revoked
compliance-col-reason = Reason for revocation
compliance-col-item = Item
compliance-col-value = Value
compliance-col-organisation = Organisation
compliance-col-generated-at = Generated on
compliance-col-generated-by = Generated by
compliance-sheet-about = Report
compliance-sheet-summary = Summary
compliance-sheet-holders = Valid certificates
compliance-sheet-expired = Expired
compliance-sheet-revoked = Revoked
compliance-error-csv = The compliance report is available as PDF (.pdf) or Excel workbook (.xlsx). Please choose one of these file extensions.
apprep-compliance = Compliance report for audits:
apprep-compliance-all = Whole administration
apprep-compliance-pdf = PDF …
apprep-compliance-xlsx = Excel …
apprep-compliance-as-of = as of the day chosen above
apprep-compliance-hint = A report for auditors and the mayor's office: coverage per program and department, who holds which certificate until when, expired and revoked certificates, with the date, the author and page numbers.
apprep-file-compliance = Compliance-report
## Renewals (renew-, command line cli-renewals-)

renew-title = Renewals
renew-band-expired = expired
renew-band-within = ≤ { $days } days
renew-missing = missing: { $items }
renew-complete = all met – can be renewed
renew-need-n-of = { $n } more of: { $seminars }
renew-need-hours = { $hours } of { $needed } h { $topic }
renew-need-prerequisite = valid certificate “{ $program }”
renew-session = { $seminar }: { $when }
renew-none = No certificate has expired or expires within the next { $days } days.
renew-col-department = Department
renew-col-name = Name
renew-col-program = Program
renew-col-serial = Serial
renew-col-valid-until = Valid until
renew-col-days = Days
renew-col-band = Band
renew-col-missing = For renewal
renew-col-sessions = Next sessions
renew-thresholds-not-positive = The reminder thresholds must be whole numbers greater than 0. Please enter the days again.
renew-thresholds-not-increasing = The reminder thresholds must increase from the shortest to the longest, for example 30, 60 and 90 days. Please correct the order.
renew-cli-bad-within = --within needs at least 1 day, for example --within 90.
renew-cli-drafts-folder = The drafts are in the folder { $dir }.
renew-drafts-saved = { $count ->
    [one] 1 draft saved
   *[other] { $count } drafts saved
}
renew-drafts-saved-without = { $saved }; { $count ->
    [one] 1 person without an e-mail address
   *[other] { $count } people without an e-mail address
}: { $names }
renew-mailto-no-address = None of the selected people has an e-mail address. Add the addresses to their employee records.
renew-mailto-too-long = { $count } addresses are too many for the mail program. Save e-mail drafts instead, or select fewer people.
renew-mailto-subject = Renewal of your certificate
renew-mail-subject = Renewal of your certificate “{ $program }” ({ $serial })
renew-mail-greeting = { $salutation ->
    [female] Dear Ms { $last },
    [male] Dear Mr { $last },
   *[neutral] Dear { $first } { $last },
}
renew-mail-expired = Your certificate “{ $program }” (no. { $serial }) expired on { $date }.
renew-mail-expiring = Your certificate “{ $program }” (no. { $serial }) is valid until { $date }.
renew-mail-complete = You already meet every requirement for renewal; we will be glad to issue your new certificate.
renew-mail-missing = For renewal you still need:
renew-mail-sessions = These sessions still have free places:
renew-mail-no-sessions = No suitable session with free places is planned at the moment; we will let you know as soon as there is one.
renew-mail-register = Please let us know if you would like to attend one of these sessions.
renew-mail-closing = Kind regards
renew-intro = Certificates that have expired or expire within the reminder thresholds – with what renewal still needs (only training after the issue day counts) and the next sessions with free places. Lotse sends no e-mail: it saves drafts or opens your mail program.
renew-app-none = No certificate in this selection has expired or expires soon.
renew-filter-all = all ({ $count })
renew-filter-all-departments = All departments
renew-select-all = select all
renew-selected = { $count } selected
renew-select-row = Select { $name }
renew-no-email = No e-mail address is recorded for this person.
renew-save-drafts = Save e-mail drafts …
renew-save-drafts-hint = Saves an e-mail draft (.eml) for each selected person in a folder; Outlook and Thunderbird open it as a draft.
renew-drafts-dialog-title = Folder for the e-mail drafts
renew-open-mail = Open in mail program (BCC)
renew-open-mail-hint = Opens a new e-mail in your mail program with the selected people's addresses in BCC.
renew-open-mail-failed = The mail program could not be opened. Save e-mail drafts instead.
renew-thresholds-title = Renewals: reminder thresholds
renew-thresholds-hint = How many days before expiry a certificate appears under “Renewals” and on the dashboard, in three bands.
renew-thresholds-near = Urgent: at most
renew-thresholds-middle = Soon: at most
renew-thresholds-far = Preview: at most
renew-days-suffix = { " " }days
renew-thresholds-save = Save thresholds
renew-thresholds-saved = The reminder thresholds were saved.
renew-dashboard-label = Renewals:
renew-dashboard-count = { $band }: { $count }
renew-dashboard-hint = Shows these certificates under “Renewals”.
cli-renewals-about = Shows the certificates that have expired or expire soon, per department – with what renewal still needs and the next suitable sessions.
cli-renewals-arg-within = Days ahead (default: the longest reminder threshold in the settings, 90).
cli-renewals-arg-program = Only this program (code, e.g. DL).
cli-renewals-drafts-about = Saves an e-mail draft (.eml) to the holder for each of these certificates, in the language of --lang. Lotse sends nothing.
cli-renewals-drafts-arg-output = The folder for the drafts.
cli-renewals-drafts-arg-within = Days ahead (default: the longest reminder threshold in the settings, 90).
cli-renewals-drafts-arg-program = Only this program (code, e.g. DL).
## Tamper-proof certificates: signature, keys, check page, revocation list (sign-)

cli-keys-about = The certificates' signing keys: show, rotate, export the public keys.
cli-keys-list-about = Shows the signing keys: key id, created, retired.
cli-keys-rotate-about = Makes a new signing key and retires the current one (it keeps checking the certificates it signed).
cli-keys-export-about = Writes the public keys (active and earlier ones) as a PEM file, with which "lotse verify --public-key" checks without a database.
cli-keys-export-arg-output = The file to write, e.g. lotse-keys.pem.
cli-verify-arg-public-key = Check without a database: the file with the public keys (from "lotse keys export").
cli-verify-arg-revocations = Also check against this signed revocation list (from "lotse export revocations").
cli-export-verify-page-about = Writes the check page: a single HTML file that checks certificates without network or server.
cli-export-verify-page-arg-output = The file to write, e.g. pruefen.html.
cli-export-revocations-about = Writes the signed revocation list (every revoked certificate) for the check page and "lotse verify --revocations".
cli-export-revocations-arg-output = The file to write, e.g. widerrufe.json.
sign-col-key = Key id
sign-col-created = Created
sign-col-retired = Retired
sign-key-active = { $key } · created { $created } · active
sign-key-retired = { $key } · created { $created } · retired { $retired }
sign-keys-none = There is no signing key yet. It is made with the first certificate issued (or the first export of the keys).
sign-key-rotated = The new signing key { $key } is active. The previous one keeps checking the certificates it signed. Now export and publish the key file and the check page again.
sign-keys-exported = { $count ->
    [one] 1 public key was saved to { $path }.
   *[other] { $count } public keys were saved to { $path }.
}
sign-page-exported = The check page was saved to { $path }. Publish it, e.g. on the administration's website.
sign-revocations-exported = { $count ->
    [one] The revocation list with 1 revoked certificate was saved to { $path }.
   *[other] The revocation list with { $count } revoked certificates was saved to { $path }.
}
sign-signature-valid = Signature valid (key { $key })
sign-no-keys-in-file = The key file holds no public key. Export it again with "lotse keys export -o FILE".
sign-revocations-refused = The revocation list is not genuine: it was altered or signed with another key. Download the published list again.
sign-offline-genuine = Genuine – the signature is valid (key { $key }).
sign-offline-not-genuine = Not genuine – the statements were altered or the text is no signed certificate.
sign-offline-unknown-key = Cannot be checked – the certificate is signed with key { $key }, which the key file does not hold. Get the current key file.
sign-offline-valid = Valid
sign-offline-expired = Expired
sign-offline-revoked = Revoked on { $date }
sign-offline-revocations-unchecked = Revocation not checked: give the revocation list with --revocations for that.
sign-settings-heading = Tamper-proof certificates
sign-settings-intro = Every new certificate carries a signature in its QR code that anyone can check with the public key – without Lotse, too. Publish the check page and the revocation list for that.
sign-settings-active-key = Active key: { $key }
sign-settings-no-key = No key yet – it is made with the first certificate or the first export.
sign-settings-export-keys = Export public keys …
sign-settings-export-page = Export check page …
sign-settings-export-revocations = Export revocation list …
sign-settings-keys-file-name = lotse-keys.pem
sign-settings-page-file-name = pruefen.html
sign-settings-revocations-file-name = widerrufe.json
sign-page-title = Check a certificate
sign-page-intro = Paste the text of the certificate's QR code (read e.g. with a scanner app on a phone). The page checks the signature on this device, without connecting to the network.
sign-page-paste = Text of the QR code
sign-page-check = Check
sign-page-revocations = Load revocation list (optional):
sign-page-revocations-loaded = The revocation list is genuine and loaded.
sign-page-revocations-bad = The revocation list is not genuine and was not loaded.
sign-page-revocations-none = No revocation list loaded: a revocation is not recognised.
sign-page-genuine = Genuine
sign-page-not-genuine = Not genuine
sign-page-tampered = the statements were altered or the signature is wrong.
sign-page-unknown-key = the certificate is signed with a key this page does not know.
sign-page-malformed = the text is no signed certificate.
sign-page-no-ed25519 = This browser cannot check Ed25519 signatures. Open the page in a current Firefox, Chrome, Edge or Safari.
sign-page-revoked = revoked on
sign-page-expired = expired
sign-page-valid = valid
sign-page-name = Name
sign-page-program = Program
sign-page-serial = Serial
sign-page-organisation = Issued by
sign-page-issued-on = Issued on
sign-page-valid-until = Valid until
sign-page-no-expiry = no expiry
sign-page-key = Key
sign-page-status = Status
sign-page-language = Deutsch
## Training needs and planning (issue 14): `lotse needs`, the "Needs & planning" screen, waiting lists

needs-screen-title = Needs & planning
needs-unknown-program = There is no program with the code “{ $code }”. To see the codes: lotse programs list
needs-unknown-department = There is no department with the code “{ $code }”. To see the codes: lotse departments list
needs-unknown-seminar = There is no seminar with the code “{ $code }”. To see the codes: lotse seminars list
needs-no-department = without department
needs-sentence = { $count ->
    [one] 1 person still needs “{ $seminar }”
   *[other] { $count } employees still need “{ $seminar }”
}
needs-sentence-department = { " " }– { $count } of them: { $department }
needs-sentence-eligible = { $count ->
    [one] For 1 person it is the last thing missing.
   *[other] For { $count } it is the last thing missing.
}
needs-prerequisite = { $count ->
    [one] 1 person still lacks the certificate “{ $program }”.
   *[other] { $count } employees still lack the certificate “{ $program }”.
}
needs-summary = { $people ->
    [one] 1 person holds no valid certificate “{ $program }” yet
   *[other] { $people } employees hold no valid certificate “{ $program }” yet
}{ $eligible ->
    [0] .
    [one] ; 1 of them already meets every requirement and can receive it.
   *[other] ; { $eligible } of them already meet every requirement and can receive it.
}
needs-nothing = No seminar is missing: everyone counted holds the certificate, meets the requirements or lacks only another certificate.
needs-col-seminar = Seminar
needs-col-code = Code
needs-col-needed = Need it
needs-col-eligible = Eligible after it
needs-col-departments = Departments
needs-col-department = Department
needs-col-department-code = Department code
needs-registration = { $registered } registered, { $waitlisted } on the waiting list{ $already ->
    [0] .
    [one] , 1 was registered already.
   *[other] , { $already } were registered already.
}
needs-session-started = This session has already started. People can only be registered for a future session; choose another one or create a new one.
needs-waitlist-started = This session has already started: nobody moves up from the waiting list any more. Add anyone who attended anyway to the roster.
needs-session-other-seminar = The session does not belong to this seminar. Choose a session of the seminar (lotse sessions list).
needs-waitlist-full = The session is full: no place is free. Raise the number of places or excuse someone, then the next person can move up.
needs-waitlist-not-found = This person is not (or no longer) on the session's waiting list. The list has changed meanwhile; please look at it again.
needs-waitlist-heading = Waiting list ({ $count })
needs-waitlist-empty = Nobody is waiting for a place.
needs-waitlist-move-up = Move up
needs-waitlist-move-up-hint = The selected person (without a selection the first) goes onto the roster when a place is free.
needs-waitlist-remove = Remove
needs-waitlist-moved = { $name } moved up from the waiting list.
needs-waitlist-removed-count = { $count ->
    [one] 1 person is no longer on the waiting list.
   *[other] { $count } people are no longer on the waiting list.
}
needs-waitlist-since = since { $date }
needs-privacy-waitlist = Waiting lists
needs-privacy-col-added = On the waiting list since
needs-program = Program
needs-department = Department
needs-all-departments = All departments
needs-choose-program = Choose a program: the table then shows which seminars how many employees still lack.
needs-choose-seminar = Choose a seminar in the table: you then see who needs it and can register them for a session.
needs-people-heading = Who needs “{ $seminar }” ({ $count })
needs-select-all = Select all
needs-select-none = Select none
needs-sessions-heading = Future sessions
needs-no-sessions = There is no future session of this seminar. Create a new one.
needs-free = { $free ->
    [0] full
    [one] 1 place free
   *[other] { $free } places free
}
needs-unlimited = no limit on places
needs-waiting = { $count } on the waiting list
needs-register = Register
needs-register-hint = Registers the ticked people for the chosen session; whoever gets no place goes onto the waiting list.
needs-new-session = Create a new session …
needs-new-session-hint = Opens the seminar's sessions with the form for a new session; it then appears in this list.
needs-loading = Working out the needs …
cli-needs-about = Shows which seminars of a program how many employees still lack – by department, first the seminars after which most would be eligible.
cli-needs-arg-program = The program's code (see “lotse programs list”).
cli-needs-arg-department = Only this department with its sub-units (code).
cli-needs-arg-format = Output format: table, csv or json (csv and json: one row per seminar and department).
cli-needs-register-about = Registers everyone who needs a seminar for a future session; whoever gets no place goes onto the waiting list.
cli-needs-register-arg-seminar = The seminar's code.
cli-needs-register-arg-program = The program's code (see “lotse programs list”).
cli-needs-register-arg-department = Only people of this department with its sub-units (code).
cli-needs-register-arg-session = The session's ID (see “lotse sessions list”).
cli-sessions-waitlist-about = Shows a session's waiting list in the order people were put on it.
cli-sessions-waitlist-arg-id = The session's ID (see “lotse sessions list”).
cli-sessions-waitlist-arg-format = Output format: table, csv or json.
needs-col-position = No.
needs-col-personnel-number = Personnel number
needs-col-name = Name
needs-col-added = Since
# The audit log's names of the planning actions (looked up as audit-action-<action>).
audit-action-register = registered (planning)
audit-action-waitlist-move-up = moved up from the waiting list
audit-action-waitlist-remove = removed from the waiting list
