-- The porte-monnaie's money taken back at the counter by the régisseur (WITHDRAWAL, a negative movement with its
-- reason in the label): a top-up whose cheque the bank rejected, an amount typed wrong, a balance paid back to a family
-- that leaves. Nothing else could lower a balance but a booking's debit; a top-up stays as it was recorded, the
-- withdrawal beside it. The balance may go below zero (the family owes what it spent of a rejected cheque).
do $$
declare
    c record;
begin
    -- the checks V17 wrote without a name: the kinds, and "a debit, and only a debit, is negative"
    for c in select conname from pg_constraint where conrelid = 'wallet_movement'::regclass and contype = 'c'
            and (pg_get_constraintdef(oid) like '%TOP_UP_COUNTER%' or pg_get_constraintdef(oid) like '%amount_cents < 0%')
    loop
        execute format('alter table wallet_movement drop constraint %I', c.conname);
    end loop;
end $$;
alter table wallet_movement
    add constraint wallet_movement_kind
        check (kind in ('TOP_UP_COUNTER', 'TOP_UP_CARD', 'DEBIT', 'REFUND', 'WITHDRAWAL')),
    add constraint wallet_movement_sign check ((kind in ('DEBIT', 'WITHDRAWAL')) = (amount_cents < 0));
-- a movement's booking, read for every movement a family's porte-monnaie shows (was the booking refunded before?)
create index wallet_movement_booking on wallet_movement (booking_id) where booking_id is not null;
