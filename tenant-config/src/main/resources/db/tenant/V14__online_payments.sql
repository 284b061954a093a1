-- Online payment of invoices through PayFiP (payment context, issue 11).
--
-- The régie's PayFiP client number (numcli, 6 digits, given by the DGFiP when the régie joins PayFiP). It is
-- not in the configuration file: the platform operator sets it once per régie, e.g.
--   update <schema>.regie set payfip_numcli = '123456' where code = 'PERISCO';
-- The configuration file's writes keep it (they update only their own columns). Without it, the régie's
-- invoices are not offered for online payment.
alter table regie add column payfip_numcli varchar(6) check (payfip_numcli ~ '^[0-9]{6}$');

-- A payment by card online is a payment like the counter's (receipt, allocation, overpayment as credit).
alter table payment drop constraint payment_mode_check;
alter table payment add constraint payment_mode_check
    check (mode in ('CHEQUE', 'ESPECES', 'CESU', 'VIREMENT', 'CARTE_GUICHET', 'CARTE_EN_LIGNE'));

-- One payment asked of PayFiP for one invoice: PENDING from creerPaiementSecurise until the result read from
-- PayFiP (never from the notification) decides it, once: PAID (with the counter payment it recorded), REFUSED
-- (R, Z), ABANDONED (A), ANOMALY (PayFiP reports another amount or reference than asked: nothing credited, the
-- régisseur looks into it), EXPIRED (never decided).
create table online_payment (
    id             bigserial    primary key,
    invoice_id     bigint       not null references invoice (id),
    family_id      bigint       not null references family (id),
    regie_id       bigint       not null references regie (id),
    amount_cents   bigint       not null check (amount_cents > 0),   -- asked: what was left to pay at the start
    reference      varchar(30)  not null,                            -- refdet sent
    id_op          varchar(64)  not null unique,
    state          varchar(20)  not null default 'PENDING'
                                check (state in ('PENDING', 'PAID', 'REFUSED', 'ABANDONED', 'EXPIRED', 'ANOMALY')),
    started_by     varchar(120) not null,
    created_at     timestamptz  not null default now(),
    decided_at     timestamptz,
    -- what PayFiP reported (recupererDetailPaiementSecurise)
    resultrans     varchar(1),
    paid_cents     bigint,
    authorisation  varchar(20),
    transaction_at timestamp,                                        -- French time, as PayFiP gives it
    payment_id     bigint       unique references payment (id),
    anomaly        varchar(500),
    check ((state = 'PENDING') = (decided_at is null)),
    check ((state = 'PAID') = (payment_id is not null))
);
-- a family paying from two tabs: one PENDING online payment per invoice at most
create unique index online_payment_one_pending on online_payment (invoice_id) where state = 'PENDING';
create index online_payment_family on online_payment (family_id, created_at desc);
