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
