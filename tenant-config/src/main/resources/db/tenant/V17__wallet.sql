-- The porte-monnaie (prepaid family account, issue 11): a régie whose collection is WALLET (regie.collection,
-- set by the configuration file) is paid in advance. A family activates its porte-monnaie of such a régie, tops it
-- up by card online (PayFiP) or at the counter; each booking of the régie's activities is debited when it is
-- confirmed and credited back when its new status no longer bills it (free cancellation, excused absence…).

-- One balance per family and régie: the row every money movement locks (select … for update), so that two
-- bookings at once never overdraw it.
create table wallet (
    id             bigserial    primary key,
    family_id      bigint       not null references family (id),
    regie_id       bigint       not null references regie (id),
    balance_cents  bigint       not null default 0,
    activated_at   timestamptz  not null default now(),
    activated_by   varchar(120) not null,
    -- the family was mailed that the balance no longer covers the next two weeks (cleared once it does again)
    low_warned     boolean      not null default false,
    unique (family_id, regie_id)
);

-- Every change of a balance, with the balance it left (the family's and the régisseur's history).
create table wallet_movement (
    id                  bigserial    primary key,
    wallet_id           bigint       not null references wallet (id),
    kind                varchar(20)  not null check (kind in ('TOP_UP_COUNTER', 'TOP_UP_CARD', 'DEBIT', 'REFUND')),
    amount_cents        bigint       not null check (amount_cents <> 0),  -- signed: + credit, - debit
    balance_after_cents bigint       not null,
    booking_id          bigint       references booking (id),
    mode                varchar(20)  check (mode in ('CHEQUE', 'ESPECES', 'CESU', 'VIREMENT', 'CARTE_GUICHET', 'CARTE_EN_LIGNE')),
    id_op               varchar(64)  unique,                                -- a card top-up's PayFiP operation, credited once
    label               varchar(300) not null,
    created_by          varchar(120) not null,
    created_at          timestamptz  not null default now(),
    check ((kind in ('DEBIT', 'REFUND')) = (booking_id is not null)),
    check ((kind = 'DEBIT') = (amount_cents < 0)),
    check (kind <> 'TOP_UP_CARD' or id_op is not null)
);
create index wallet_movement_wallet on wallet_movement (wallet_id, id desc);

-- A booking paid by a porte-monnaie: what it debited, and whether that is with the régie now (debited) or was
-- given back. The invoicing run leaves these bookings out: they are paid already.
create table wallet_booking (
    booking_id   bigint  primary key references booking (id),
    wallet_id    bigint  not null references wallet (id),
    amount_cents bigint  not null check (amount_cents >= 0),
    debited      boolean not null default true
);
create index wallet_booking_wallet on wallet_booking (wallet_id);

-- A card top-up is an online payment of a porte-monnaie instead of an invoice: exactly one of the two.
alter table online_payment alter column invoice_id drop not null;
alter table online_payment add column wallet_id bigint references wallet (id);
alter table online_payment add constraint online_payment_target check ((invoice_id is null) <> (wallet_id is null));
-- the invoice's rule "paid means a counter payment" holds for invoices only (a top-up credits the porte-monnaie)
do $$
declare c text;
begin
    select conname into c from pg_constraint where conrelid = 'online_payment'::regclass and contype = 'c'
        and pg_get_constraintdef(oid) like '%payment_id IS NOT NULL%';
    execute format('alter table online_payment drop constraint %I', c);
end $$;
alter table online_payment add constraint online_payment_paid
    check (wallet_id is not null or (state = 'PAID') = (payment_id is not null));
create unique index online_payment_wallet_one_pending on online_payment (wallet_id) where state = 'PENDING';
