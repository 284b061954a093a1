-- Billing (fr.portailfamille.billing): the commune's QF brackets, régies and tariffs (configuration,
-- written by ConfigurationStore), the family's billing facts, and the régie's books: invoices and
-- credit notes, payments and their allocation, account credit, invoicing runs, money audit.
-- Money is bigint cents.

-- Settings: one row (QF proof validity, resident postcodes).
create table billing_settings (
    id                 boolean       primary key default true check (id),
    qf_validity_months integer       check (qf_validity_months between 1 and 120),   -- null: proofs never expire
    resident_postcodes varchar(2000) not null default ''                             -- "35170,35131"
);

create table qf_bracket (
    id     bigserial   primary key,
    code   varchar(20) not null unique,
    label  varchar(60) not null,
    qf_min integer     not null check (qf_min >= 0),
    qf_max integer     check (qf_max >= qf_min),                                      -- null: open-ended
    unique (qf_min)
);

create table regie (
    id                   bigserial     primary key,
    code                 varchar(20)   not null unique,
    label                varchar(120)  not null,
    invoice_prefix       varchar(8)    not null unique check (invoice_prefix ~ '^[A-Z][A-Z0-9]{0,7}$'),
    manager_name         varchar(120),
    manager_email        varchar(254),
    manager_phone        varchar(20),
    payment_instructions varchar(2000),
    -- gap-free counters, taken by InvoiceNumbering with "update … returning" (row lock, rolled back with
    -- the transaction that took them)
    next_number          bigint        not null default 1 check (next_number >= 1),
    next_credit_number   bigint        not null default 1 check (next_credit_number >= 1),
    next_receipt_number  bigint        not null default 1 check (next_receipt_number >= 1)
);

-- An activity is billed by one régie at most.
create table regie_activity (
    activity_id bigint primary key references activity (id) on delete cascade,
    regie_id    bigint not null references regie (id) on delete cascade
);
create index regie_activity_regie on regie_activity (regie_id);

create table tariff (
    id                       bigserial    primary key,
    activity_id              bigint       not null references activity (id) on delete cascade,
    unit_id                  bigint       references activity_unit (id) on delete cascade,   -- null: every unit
    valid_from               date         not null,
    mode                     varchar(20)  not null check (mode in ('BRACKETS', 'EFFORT_RATE')),
    maximum_cents            bigint       check (maximum_cents >= 0),
    effort_rate_percent      numeric(9,6) check (effort_rate_percent > 0),
    floor_cents              bigint       check (floor_cents >= 0),
    ceiling_cents            bigint       check (ceiling_cents >= 0),
    non_resident_kind        varchar(10)  check (non_resident_kind in ('PERCENT', 'FIXED', 'PRICE')),
    non_resident_percent     numeric(7,3) check (non_resident_percent >= 0),
    non_resident_cents       bigint       check (non_resident_cents >= 0),
    sibling_second_percent   numeric(5,2) check (sibling_second_percent between 0 and 100),
    sibling_third_percent    numeric(5,2) check (sibling_third_percent between 0 and 100),
    late_kind                varchar(10)  check (late_kind in ('PERCENT', 'FIXED')),
    late_percent             numeric(7,3) check (late_percent >= 0),
    late_cents               bigint       check (late_cents >= 0),
    unexcused_absence_billed boolean      not null default true,
    unbooked_presence_cents  bigint       check (unbooked_presence_cents >= 0),
    check (mode <> 'BRACKETS' or maximum_cents is not null),
    check (mode <> 'EFFORT_RATE' or (effort_rate_percent is not null and floor_cents is not null
                                     and ceiling_cents is not null and floor_cents <= ceiling_cents)),
    unique nulls not distinct (activity_id, unit_id, valid_from)
);

create table tariff_price (
    tariff_id   bigint not null references tariff (id) on delete cascade,
    bracket_id  bigint not null references qf_bracket (id),
    price_cents bigint not null check (price_cents >= 0),
    primary key (tariff_id, bracket_id)
);

-- What the tariff rules need of a family (QF itself is family.quotient_familial, V2).
alter table family
    add column qf_source               varchar(20) check (qf_source in ('CAF', 'MSA', 'AVIS_IMPOSITION')),
    add column qf_proof_date           date,
    add column monthly_resources_cents bigint check (monthly_resources_cents >= 0),
    add column resident_override       boolean;                                       -- null: from the postcode

-- Invoicing runs: one per régie and period at a time; progress stored, not guessed.
create table billing_run (
    id              bigserial    primary key,
    regie_id        bigint       not null references regie (id),
    period_start    date         not null,
    period_end      date         not null,
    state           varchar(20)  not null check (state in ('PREVIEW', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    families_total  integer      not null default 0 check (families_total >= 0),
    families_done   integer      not null default 0 check (families_done >= 0 and families_done <= families_total),
    invoices_issued integer      not null default 0 check (invoices_issued >= 0),
    total_cents     bigint       not null default 0 check (total_cents >= 0),
    started_by      varchar(120) not null,
    started_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    error           varchar(1000),
    check (period_end >= period_start)
);
create unique index billing_run_running on billing_run (regie_id, period_start, period_end) where state = 'RUNNING';

-- Invoices and credit notes (avoirs). An issued invoice is never edited: a credit note refers to it.
create table invoice (
    id              bigserial    primary key,
    regie_id        bigint       not null references regie (id),
    family_id       bigint       not null references family (id),
    kind            varchar(20)  not null default 'INVOICE' check (kind in ('INVOICE', 'CREDIT_NOTE')),
    sequence        bigint       not null check (sequence >= 1),
    number          varchar(30)  not null,                                            -- AL-36, AL-AV-3
    period_start    date         not null,
    period_end      date         not null,
    issued_at       timestamptz  not null default now(),
    due_date        date,
    total_cents     bigint       not null check (total_cents >= 0),
    state           varchar(20)  not null default 'ISSUED'
                                 check (state in ('ISSUED', 'CANCELLED', 'TITRE_EMIS')),
    credit_note_of  bigint       references invoice (id),
    titre_number    varchar(40),                                                      -- ORMC n°
    titre_at        timestamptz,
    billing_run_id  bigint       references billing_run (id),
    issued_by       varchar(120) not null,
    unique (regie_id, number),
    unique (regie_id, kind, sequence),
    check (period_end >= period_start),
    check ((kind = 'CREDIT_NOTE') = (credit_note_of is not null)),
    check ((state = 'TITRE_EMIS') = (titre_number is not null))
);
create index invoice_family on invoice (family_id, issued_at desc);
create index invoice_credit_note_of on invoice (credit_note_of) where credit_note_of is not null;

create table invoice_line (
    id               bigserial    primary key,
    invoice_id       bigint       not null references invoice (id) on delete cascade,
    position         integer      not null,
    child_id         bigint       references child (id) on delete set null,
    child_name       varchar(220) not null,                                           -- as printed
    activity_code    varchar(40)  not null,
    unit_code        varchar(20),
    day              date,                                                             -- one day, or null: quantity of days
    quantity         integer      not null check (quantity > 0),
    unit_price_cents bigint       not null check (unit_price_cents >= 0),
    amount_cents     bigint       not null check (amount_cents >= 0),
    label            varchar(300) not null,
    bracket_code     varchar(20),                                                      -- for the CAF summary
    unique (invoice_id, position),
    check (amount_cents = quantity * unit_price_cents)
);

-- Unit-days already billed, so that re-running a period bills only what was not.
create table billed_day (
    child_id        bigint not null references child (id) on delete cascade,
    unit_id         bigint not null references activity_unit (id) on delete cascade,
    day             date   not null,
    invoice_line_id bigint not null references invoice_line (id) on delete cascade,
    primary key (child_id, unit_id, day)
);
create index billed_day_line on billed_day (invoice_line_id);

create table invoice_reminder (
    id         bigserial    primary key,
    invoice_id bigint       not null references invoice (id) on delete cascade,
    level      integer      not null check (level >= 1),
    sent_at    timestamptz  not null default now(),
    sent_by    varchar(120) not null,
    unique (invoice_id, level)
);

create table payment (
    id             bigserial    primary key,
    regie_id       bigint       not null references regie (id),
    family_id      bigint       not null references family (id),
    receipt_number varchar(30),                                                        -- AL-R-12
    mode           varchar(20)  not null check (mode in ('CHEQUE', 'ESPECES', 'CESU', 'VIREMENT', 'CARTE_GUICHET')),
    amount_cents   bigint       not null check (amount_cents > 0),
    received_on    date         not null,
    cheque_number  varchar(20),
    bank           varchar(80),
    payer_name     varchar(120),
    recorded_by    varchar(120) not null,
    recorded_at    timestamptz  not null default now(),
    cancelled_at   timestamptz,
    cancelled_by   varchar(120),
    unique (regie_id, receipt_number),
    check (mode <> 'CHEQUE' or (cheque_number is not null and bank is not null))
);
create index payment_family on payment (family_id, received_on desc);

create table payment_allocation (
    id           bigserial primary key,
    payment_id   bigint    not null references payment (id),
    invoice_id   bigint    not null references invoice (id),
    amount_cents bigint    not null check (amount_cents > 0),
    unique (payment_id, invoice_id)
);
create index payment_allocation_invoice on payment_allocation (invoice_id);

-- The family's account credit with a régie, as movements: an overpayment or a credit note adds
-- (positive), paying an invoice from it takes (negative). The balance is the sum, never negative.
create table account_credit (
    id           bigserial    primary key,
    regie_id     bigint       not null references regie (id),
    family_id    bigint       not null references family (id),
    amount_cents bigint       not null check (amount_cents <> 0),
    payment_id   bigint       references payment (id),
    invoice_id   bigint       references invoice (id),
    label        varchar(200) not null,
    at           timestamptz  not null default now(),
    by_whom      varchar(120) not null
);
create index account_credit_family on account_credit (family_id, regie_id);

-- Who did what with money, when (issue, payment, allocation, credit note, titre, reminder…).
create table billing_audit (
    id           bigserial     primary key,
    at           timestamptz   not null default now(),
    actor        varchar(120)  not null,
    action       varchar(40)   not null,
    regie_id     bigint        references regie (id),
    family_id    bigint,
    invoice_id   bigint,
    payment_id   bigint,
    amount_cents bigint,
    detail       varchar(1000)
);
create index billing_audit_family on billing_audit (family_id, at desc);
create index billing_audit_regie on billing_audit (regie_id, at desc);
