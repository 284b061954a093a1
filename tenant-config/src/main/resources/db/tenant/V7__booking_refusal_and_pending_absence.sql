-- A booking refused by an agent is REFUSED with the reason told to the family (no longer "cancelled
-- free" without a word); an absence with a medical certificate is ABSENT_PENDING (neither excused nor
-- billed) until an agent with the agent-sante role reviews the certificate.
alter table booking drop constraint if exists booking_status_check;
alter table booking add constraint booking_status_check check (status in ('BOOKED', 'BOOKED_LATE', 'WAITING',
    'PENDING_VALIDATION', 'CANCELLED_FREE', 'ABSENT_EXCUSED', 'ABSENT_BILLED', 'PRESENT', 'REFUSED', 'ABSENT_PENDING'));
alter table booking add column refusal_reason varchar(500);
alter table booking add column decided_at timestamptz;
