-- DSGVO Art. 17: erased employees and certificates whose holder was erased.
-- employee.erased_at: when the row became an anonymous placeholder (NULL: a real person).
-- certificate.holder_erased_at: when the snapshot's names were removed.
ALTER TABLE employee ADD COLUMN erased_at timestamp(0);
ALTER TABLE certificate ADD COLUMN holder_erased_at timestamp(0);
