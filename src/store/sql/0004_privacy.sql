-- DSGVO Art. 17: erased employees and certificates whose holder was erased.
-- employee.erased_at: when the row became an anonymous placeholder (NULL: a real person).
-- certificate.holder_erased_at: when the snapshot's names were removed (the snapshot then
-- carries "holder_erased" and its own keyed MAC; the printed code still finds it).
ALTER TABLE employee ADD COLUMN erased_at TEXT;
ALTER TABLE certificate ADD COLUMN holder_erased_at TEXT;
