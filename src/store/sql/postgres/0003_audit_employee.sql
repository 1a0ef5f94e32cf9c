-- Which employee an audit entry concerns (for the Art. 15 export, erasure and the audit
-- screen's filter). No foreign key: the entry outlives an erased person's row.
ALTER TABLE audit ADD COLUMN employee_id bigint;
UPDATE audit SET employee_id = CASE entity
    WHEN 'employee' THEN entity_id
    WHEN 'attendance' THEN (SELECT a.employee_id FROM attendance a WHERE a.id = audit.entity_id)
    WHEN 'certificate' THEN (SELECT c.employee_id FROM certificate c WHERE c.id = audit.entity_id)
END;
CREATE INDEX audit_employee ON audit(employee_id);
