-- A run's pain.008 file the régisseur withdraws — the bank refused it whole, or it was never sent: kept for the régie's
-- journal (who, when, why), its debits planned again, and a new file made for the run with a fresh collection date and
-- its own message id. One live file per run (no longer one file per run).
alter table sepa_file add column withdrawn_at     timestamptz;
alter table sepa_file add column withdrawn_by     varchar(120);
alter table sepa_file add column withdrawn_reason varchar(500);
alter table sepa_file add constraint sepa_file_withdrawn check ((withdrawn_at is null) = (withdrawn_by is null)
    and (withdrawn_at is null) = (withdrawn_reason is null));
alter table sepa_file drop constraint sepa_file_billing_run_id_key;
create unique index sepa_file_live on sepa_file (billing_run_id) where withdrawn_at is null;
