-- Audit entries are listed newest first and filtered by period.
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
