-- An online payment in anomaly (PayFiP reported another amount or invoice than asked) credits nothing: the invoice stays
-- unpaid while the régie looks into it with the Trésorerie. Paying it again then (online, by the SEPA file) could take
-- the money twice, so it is refused until a régisseur marks the anomaly checked, with what was found. Nullable: an
-- anomaly not checked yet, and every other state, carry none.
alter table online_payment add column checked_at timestamptz;
alter table online_payment add column checked_by varchar(320);
alter table online_payment add column checked_note varchar(300);
alter table online_payment add constraint online_payment_checked
    check (checked_at is null or (state = 'ANOMALY' and checked_by is not null and checked_note is not null));
