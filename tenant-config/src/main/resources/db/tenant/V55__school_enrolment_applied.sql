-- An accepted school pre-registration gives the child's file its school and class once its school year runs (at the
-- decision, or the night that year starts): when it did. The requests decided before are taken as given (their
-- families' files are left as they are).
alter table school_enrolment add column applied_at timestamptz;
update school_enrolment set applied_at = decided_at where status = 'VALIDATED';
