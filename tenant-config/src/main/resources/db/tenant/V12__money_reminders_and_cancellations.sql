-- Money at the counter (billing/payment, billing/unpaid): the reminders' delays of the configuration
-- file, why a payment was cancelled, and which invoice line a credit note's line credits.

-- "15,45": reminders 15 and 45 days after the due date (empty: no reminder).
alter table billing_settings add column reminder_days varchar(100) not null default '';

alter table payment add column cancel_reason varchar(500);
alter table payment add constraint payment_cancel_reason check (cancelled_at is null or cancel_reason is not null);

-- A credit note's line that credits days of an invoice line names it, so that a line is never credited
-- beyond its quantity.
alter table invoice_line add column credits_line_id bigint references invoice_line (id);
create index invoice_line_credits on invoice_line (credits_line_id) where credits_line_id is not null;

-- Payments of a day or period, by régie.
create index payment_regie_day on payment (regie_id, received_on);
