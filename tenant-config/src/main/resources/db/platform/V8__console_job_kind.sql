-- The operator console's archive imports (issue 13) run in the background as jobs of the same kind as onboardings:
-- their steps (archive received, decrypted and checked, the provisioner's, accounts, data) are written in
-- onboarding_job_step as they run, read by the console of any replica. The kind tells them apart: an import is never
-- resumed from its row (its passphrase is never stored; the operator gives the archive and its passphrase again).
alter table onboarding_job add column kind varchar(20) not null default 'EMBARQUEMENT'
    check (kind in ('EMBARQUEMENT', 'IMPORT'));
