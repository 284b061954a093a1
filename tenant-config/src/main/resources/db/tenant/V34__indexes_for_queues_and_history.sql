-- Indexes for what a commune of 5,000 families reads all day, found by reading the queries against the schema (no
-- table, column or row changes: an archive of schemas 29 to 33 loads as it is).

-- What settled an invoice (billing.FamilyAccount.SETTLED, in the unpaid list, the daily reminders, the counter payment
-- and the exports): account credit used on it was found by scanning every credit of the commune, once per invoice.
create index account_credit_invoice on account_credit (invoice_id) where amount_cents < 0;

-- A child's bookings of any status (its iCal feed, the agent's family file, the opening windows' sibling and previous
-- facts, the pricing of a selection): booking_live covers only live statuses, so days present or absent were scanned.
-- Also what the cascade from a purged draft's child to its bookings looks up.
create index booking_child_day on booking (child_id, day);

-- The staff menu counts its queues on every agent page: each count scanned its whole table (booking grows by
-- millions of rows over the years).
create index booking_pending_validation on booking (day) where status = 'PENDING_VALIDATION';
create index absence_certificate_to_review on absence (id) where certificate is not null and reviewed_at is null;
create index registration_submitted on registration (submitted_at) where status = 'SUBMITTED';
create index school_enrolment_submitted on school_enrolment (submitted_at) where status = 'SUBMITTED';

-- A régie's invoices of a period (the invoicing page, the régie's exports) and of an invoicing run (its direct debits).
create index invoice_regie_period on invoice (regie_id, period_start);
create index invoice_billing_run on invoice (billing_run_id) where billing_run_id is not null;

-- A registration's documents (the registrations queue asks whether each has any).
create index registration_document_registration on registration_document (registration_id);
