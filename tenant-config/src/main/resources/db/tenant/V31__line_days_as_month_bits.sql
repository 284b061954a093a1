-- Invoicing run speed (bench 4b, issue 10). An invoice line kept the days it bills as a date array (V29), each written
-- as text and parsed day by day (404,070 days for a month of 10,000 families) into rows some 50 bytes wider. A line
-- whose days are all in one month (every line of a monthly run) now keeps them as that month's first day and a
-- bitmask of its days (bit d - 1 for day d), as billed_month does; a line over several months (a run of a longer
-- period) keeps the date array. Lines written before keep theirs.

alter table invoice_line
    add column days_month date,
    add column days_bits integer,
    add constraint invoice_line_days_month_bits check ((days_month is null) = (days_bits is null));

-- A line's days, whichever way it keeps them, in order (null for a line without days).
create function line_days(days date[], month date, bits integer) returns date[] language sql immutable
    as $$
    select coalesce(days, (select array_agg(month + d - 1 order by d) from generate_series(1, 31) as d
                           where bits & (1 << (d - 1)) <> 0))
    $$;

-- A deleted invoice line gives its days back, whichever way it keeps them (V29's function, through line_days).
create or replace function invoice_line_gives_days_back() returns trigger language plpgsql
    set search_path from current
    as $$
begin
    update billed_month m set days = m.days & ~f.bits
        from (select r.child_id, u.id as unit_id, d.day - extract(day from d.day)::int + 1 as month,
                     bit_or(1 << (extract(day from d.day)::int - 1)) as bits
              from removed r cross join unnest(line_days(r.days, r.days_month, r.days_bits)) as d (day)
              join activity a on a.code = r.activity_code
              join activity_unit u on u.activity_id = a.id and u.code = r.unit_code
              where r.child_id is not null
              group by 1, 2, 3) f
        where m.child_id = f.child_id and m.unit_id = f.unit_id and m.month = f.month;
    return null;
end
$$;
