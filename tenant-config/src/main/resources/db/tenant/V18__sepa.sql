-- SEPA direct debit (prélèvement automatique, issue 11): mandates signed online by families, the debits of an
-- invoicing run, the pain.008 file a régisseur hands to the bank, the bank's rejects. The régie's creditor
-- settings (ICS, name, IBAN, BIC, debit day) are the columns sepa_* of table regie (V15).

-- A family's mandate for one régie's creditor: signed online, revocable; one active at a time per family and régie.
-- The RUM (unique mandate reference) is made from the id once (PF-<régie>-<id on 8 digits>) and never changes.
create table sepa_mandate (
    id           bigserial    primary key,
    family_id    bigint       not null references family (id),
    regie_id     bigint       not null references regie (id),
    rum          varchar(35)  not null unique,
    debtor_name  varchar(70)  not null,
    iban         varchar(34)  not null,
    bic          varchar(11),
    creditor_ics varchar(35)  not null,                 -- the régie's ICS when the family signed
    signed_on    date         not null,
    signed_by    varchar(120) not null,
    signed_at    timestamptz  not null default now(),
    revoked_at   timestamptz,
    revoked_by   varchar(120),
    check ((revoked_at is null) = (revoked_by is null))
);
create unique index sepa_mandate_one_active on sepa_mandate (family_id, regie_id) where revoked_at is null;

-- The pain.008 file of a run, made once (the same bytes on every download).
create table sepa_file (
    id             bigserial    primary key,
    regie_id       bigint       not null references regie (id),
    billing_run_id bigint       not null unique references billing_run (id),
    message_id     varchar(35)  not null unique,
    transactions   integer      not null check (transactions > 0),
    total_cents    bigint       not null check (total_cents > 0),
    content        bytea        not null,
    created_by     varchar(120) not null,
    created_at     timestamptz  not null default now()
);

-- An invoice to be debited on a mandate: PLANNED at the run ("prélevé le <due date>"), SENT in a file (a payment of
-- mode PRELEVEMENT settles it, dated on the collection date), REJECTED by the bank (that payment cancelled: the
-- invoice is open again, with the reason), SKIPPED when nothing was left to pay when the file was made.
create table sepa_debit (
    id              bigserial    primary key,
    invoice_id      bigint       not null unique references invoice (id),
    mandate_id      bigint       not null references sepa_mandate (id),
    billing_run_id  bigint       not null references billing_run (id),
    due_date        date         not null,
    state           varchar(20)  not null default 'PLANNED' check (state in ('PLANNED', 'SENT', 'REJECTED', 'SKIPPED')),
    sequence_type   varchar(4)   check (sequence_type in ('FRST', 'RCUR')),
    amount_cents    bigint       check (amount_cents > 0),
    collection_date date,
    sepa_file_id    bigint       references sepa_file (id),
    payment_id      bigint       unique references payment (id),
    reject_code     varchar(4),
    reject_label    varchar(120),
    rejected_at     timestamptz,
    rejected_by     varchar(120),
    check ((state in ('SENT', 'REJECTED')) = (payment_id is not null and sepa_file_id is not null and amount_cents is not null)),
    check ((state = 'REJECTED') = (reject_code is not null and rejected_at is not null))
);
create index sepa_debit_run on sepa_debit (billing_run_id);
create index sepa_debit_mandate on sepa_debit (mandate_id);

-- A debit is a payment like the others (receipt, allocation): mode PRELEVEMENT is added to whatever modes the
-- constraint allows at this point (other migrations of issue 11 may have added theirs).
do $$
declare
    def text;
begin
    select pg_get_constraintdef(c.oid) into def from pg_constraint c
     where c.conrelid = 'payment'::regclass and c.conname = 'payment_mode_check';
    if def is not null and position('PRELEVEMENT' in def) = 0 then
        execute 'alter table payment drop constraint payment_mode_check';
        execute 'alter table payment add constraint payment_mode_check '
             || regexp_replace(def, 'ARRAY\[', 'ARRAY[''PRELEVEMENT''::character varying, ');
    end if;
end $$;
