-- Invoicing run speed (bench 4). billed_day's three foreign keys were checked row by row: one query and
-- one row lock per key and per billed day, 1.2 million of them for the 404,070 days of 10,000 families,
-- most of a run's time in PostgreSQL. They become ONE check per statement over the statement's rows
-- (transition table), taking the same FOR KEY SHARE locks until the transaction ends, so that a child,
-- unit or invoice line named by a billed day can neither be missing nor deleted before it commits; and
-- their ON DELETE CASCADE become statement-level deletes. Same guarantees, a few queries per statement.

alter table billed_day
    drop constraint billed_day_child_id_fkey,
    drop constraint billed_day_unit_id_fkey,
    drop constraint billed_day_invoice_line_id_fkey;

-- The statement's billed days name existing children, units and invoice lines (SQLSTATE 23503 otherwise),
-- each locked FOR KEY SHARE as a foreign key's check locks it.
-- Looked up by primary key whatever the statistics say: on a commune's first run the tables start empty,
-- and a plan made for an empty table (a sequential scan) would read the whole table at each statement.
create function billed_day_references() returns trigger language plpgsql
    set search_path from current   -- the commune's schema, whatever the caller's search path
    set enable_seqscan = off
    as $$
declare
    ids     bigint[];
    locked  bigint;
begin
    ids := array(select distinct child_id from added);
    select count(*) into locked from (select 1 from child c where c.id = any(ids) for key share of c) x;
    if locked < cardinality(ids) then
        raise foreign_key_violation using message = 'billed_day: child missing',
            detail = 'A billed day names a child that does not exist.';
    end if;
    ids := array(select distinct unit_id from added);
    select count(*) into locked from (select 1 from activity_unit u where u.id = any(ids) for key share of u) x;
    if locked < cardinality(ids) then
        raise foreign_key_violation using message = 'billed_day: activity unit missing',
            detail = 'A billed day names an activity unit that does not exist.';
    end if;
    ids := array(select distinct invoice_line_id from added);
    select count(*) into locked from (select 1 from invoice_line l where l.id = any(ids) for key share of l) x;
    if locked < cardinality(ids) then
        raise foreign_key_violation using message = 'billed_day: invoice line missing',
            detail = 'A billed day names an invoice line that does not exist.';
    end if;
    return null;
end
$$;

create trigger billed_day_references_on_insert after insert on billed_day
    referencing new table as added for each statement execute function billed_day_references();
create trigger billed_day_references_on_update after update on billed_day
    referencing new table as added for each statement execute function billed_day_references();

-- The cascades: a deleted child, unit or invoice line takes its billed days with it.
create function billed_day_cascade() returns trigger language plpgsql
    set search_path from current
    as $$
begin
    if tg_table_name = 'child' then
        delete from billed_day d using removed r where d.child_id = r.id;
    elsif tg_table_name = 'activity_unit' then
        delete from billed_day d using removed r where d.unit_id = r.id;
    else
        delete from billed_day d using removed r where d.invoice_line_id = r.id;
    end if;
    return null;
end
$$;

create trigger child_billed_days after delete on child
    referencing old table as removed for each statement execute function billed_day_cascade();
create trigger activity_unit_billed_days after delete on activity_unit
    referencing old table as removed for each statement execute function billed_day_cascade();
create trigger invoice_line_billed_days after delete on invoice_line
    referencing old table as removed for each statement execute function billed_day_cascade();
