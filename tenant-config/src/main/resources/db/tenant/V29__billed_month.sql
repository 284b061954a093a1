-- Invoicing run speed (bench 4, issue 10). A billed unit-day was one billed_day row: 404,070 rows for a month
-- of 10,000 families, the run's largest insert, and one anti-join probe per booked day when drafting. Now:
--   * an invoice line keeps the days it bills (invoice_line.days, in order);
--   * what forbids billing a day twice is ONE row per child, unit and month, whose bits are the days of the
--     month already billed (bit d - 1 for day d), written by bill_days(): a day already set is refused
--     (unique_violation, SQLSTATE 23505) under the row's lock, so that two runs, even concurrent, never bill
--     the same day; the drafts subtract these bits from each child's month of a unit.
-- The same guarantees as billed_day: its references (child, unit: foreign keys, cascading), a deleted invoice line
-- gives its days back (the trigger below, as billed_day's cascade did), a credit note gives none back.

alter table invoice_line add column days date[];

create table billed_month (
    child_id bigint  not null references child (id) on delete cascade,
    unit_id  bigint  not null references activity_unit (id) on delete cascade,
    month    date    not null check (extract(day from month) = 1),
    days     integer not null check (days >= 0),
    primary key (child_id, unit_id, month)
);
create index billed_month_unit on billed_month (unit_id);

-- the billed days as they were: each line's days, each child's unit-months
update invoice_line l set days = d.days
    from (select invoice_line_id, array_agg(day order by day) as days from billed_day group by invoice_line_id) d
    where d.invoice_line_id = l.id;
insert into billed_month (child_id, unit_id, month, days)
    select child_id, unit_id, day - extract(day from day)::int + 1, bit_or(1 << (extract(day from day)::int - 1))
    from billed_day group by 1, 2, 3;

drop trigger child_billed_days on child;
drop trigger activity_unit_billed_days on activity_unit;
drop trigger invoice_line_billed_days on invoice_line;
drop table billed_day;
drop function billed_day_references();
drop function billed_day_cascade();

-- Records days as billed: for each i, the days of bits[i] of months[i] (a month's first day) of child children[i]
-- on unit units[i]. Refuses (unique_violation) a day given twice or already billed; nothing is written then
-- (the caller's transaction is to roll back). A concurrent call on the same child's unit-month waits for the
-- other's transaction, then sees its days.
create function bill_days(children bigint[], units bigint[], months date[], bits integer[]) returns void
    language plpgsql
    set search_path from current   -- the commune's schema, whatever the caller's search path
    as $$
declare
    keys     integer;
    twice    integer;
    written  integer;
begin
    with given as (
        select i.child, i.unit, i.month, bit_or(i.bits) as days, sum(i.bits) as total
        from unnest(children, units, months, bits) as i (child, unit, month, bits) group by 1, 2, 3),
    added as (
        insert into billed_month as m (child_id, unit_id, month, days)
            select child, unit, month, days from given
        on conflict (child_id, unit_id, month) do update set days = m.days | excluded.days
            where (m.days & excluded.days) = 0
        returning 1)
    -- a day given twice: the sum of a key's bits exceeds their union
    select (select count(*) from given), (select count(*) from given where total <> days), (select count(*) from added)
        into keys, twice, written;
    if twice > 0 then
        raise unique_violation using message = 'billed_month: a day given twice',
            detail = 'The same child''s unit-day is in two of the lines.';
    end if;
    if written < keys then
        raise unique_violation using message = 'billed_month: a day already billed',
            detail = 'A child''s unit-day of these lines is already billed.';
    end if;
end
$$;

-- A deleted invoice line gives its days back (billed_day's cascade did the same).
create function invoice_line_gives_days_back() returns trigger language plpgsql
    set search_path from current
    as $$
begin
    update billed_month m set days = m.days & ~f.bits
        from (select r.child_id, u.id as unit_id, d.day - extract(day from d.day)::int + 1 as month,
                     bit_or(1 << (extract(day from d.day)::int - 1)) as bits
              from removed r cross join unnest(r.days) as d (day)
              join activity a on a.code = r.activity_code
              join activity_unit u on u.activity_id = a.id and u.code = r.unit_code
              where r.child_id is not null and r.days is not null
              group by 1, 2, 3) f
        where m.child_id = f.child_id and m.unit_id = f.unit_id and m.month = f.month;
    return null;
end
$$;

create trigger invoice_line_days_back after delete on invoice_line
    referencing old table as removed for each statement execute function invoice_line_gives_days_back();
