-- Invoicing run speed (bench 4b, issue 10). The foreign keys of the rows a run writes in bulk were checked row by
-- row: one query and one row lock per key and per row (bench 4, 10,000 families: 91,664 checks of child, 60,664 of
-- invoice, 31,000 of activity_unit, 20,001 of regie, 10,000 of billing_run and of family), as billed_day's were
-- before V13. As V13 did for billed_day, they become ONE check per statement and per reference over the statement's
-- rows (transition table), taking the same FOR KEY SHARE locks until the transaction ends, so that a parent named by
-- a new row can neither be missing (SQLSTATE 23503, foreign_key_violation) nor deleted before it commits. The
-- parents' side keeps what the foreign keys did:
--   * ON DELETE: invoice → its lines deleted (cascade); child → its lines' child_id set to null, its billed months
--     deleted (cascade); activity_unit → its billed months deleted (cascade); regie, family, billing_run still named
--     by an invoice (or regie by a billing_audit row) → the delete refused (23503, as NO ACTION);
--   * a parent's id changed while it is named, or a parent truncated without its children: refused, as before;
--   * a child row's reference changed by an UPDATE: checked for that row only when it changes (as a foreign key).
-- Only the references a run writes in bulk change; credit_note_of and credits_line_id (null in a run) stay foreign
-- keys, as do the references to invoice from payments, direct debits and reminders (their rows are few).

alter table invoice
    drop constraint invoice_regie_id_fkey,
    drop constraint invoice_family_id_fkey,
    drop constraint invoice_billing_run_id_fkey;
alter table invoice_line
    drop constraint invoice_line_invoice_id_fkey,
    drop constraint invoice_line_child_id_fkey;
alter table billed_month
    drop constraint billed_month_child_id_fkey,
    drop constraint billed_month_unit_id_fkey;
alter table billing_audit
    drop constraint billing_audit_regie_id_fkey;

-- After an INSERT statement: every (column, parent table) pair of the trigger's arguments names existing parents
-- (by id), each locked FOR KEY SHARE as a foreign key's check locks it; a null reference is not checked.
-- Looked up by primary key whatever the statistics say: on a commune's first run the tables start empty, and a
-- plan made for an empty table (a sequential scan) would read the whole table at each statement.
create function references_exist() returns trigger language plpgsql
    set search_path from current   -- the commune's schema, whatever the caller's search path
    set enable_seqscan = off
    as $$
declare
    i        integer := 0;
    ids      bigint[];
    locked   bigint;
    missing  bigint;
begin
    while i < tg_nargs loop
        execute format('select array(select distinct %I from added where %I is not null)', tg_argv[i], tg_argv[i])
            into ids;
        if cardinality(ids) > 0 then
            execute format('select count(*) from (select 1 from %I p where p.id = any($1) for key share of p) x',
                tg_argv[i + 1]) into locked using ids;
            if locked < cardinality(ids) then
                execute format('select min(k) from unnest($1) k where not exists (select 1 from %I p where p.id = k)',
                    tg_argv[i + 1]) into missing using ids;
                raise foreign_key_violation using
                    message = format('insert or update on table "%s" violates its reference to "%s"', tg_table_name,
                        tg_argv[i + 1]),
                    detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[i], missing, tg_argv[i + 1]),
                    constraint = tg_table_name || '_' || tg_argv[i] || '_fkey', table = tg_table_name,
                    column = tg_argv[i];
            end if;
        end if;
        i := i + 2;
    end loop;
    return null;
end
$$;

-- After an UPDATE of a row whose reference changed: the same check for that row's new references.
create function reference_exists() returns trigger language plpgsql
    set search_path from current
    as $$
declare
    i      integer := 0;
    id     bigint;
    found  integer;
begin
    while i < tg_nargs loop
        id := (to_jsonb(new) ->> tg_argv[i])::bigint;
        if id is not null and id is distinct from (to_jsonb(old) ->> tg_argv[i])::bigint then
            found := null;
            execute format('select 1 from %I p where p.id = $1 for key share of p', tg_argv[i + 1]) into found using id;
            if found is null then
                raise foreign_key_violation using
                    message = format('insert or update on table "%s" violates its reference to "%s"', tg_table_name,
                        tg_argv[i + 1]),
                    detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[i], id, tg_argv[i + 1]),
                    constraint = tg_table_name || '_' || tg_argv[i] || '_fkey', table = tg_table_name,
                    column = tg_argv[i];
            end if;
        end if;
        i := i + 2;
    end loop;
    return null;
end
$$;

create trigger invoice_references after insert on invoice referencing new table as added
    for each statement execute function references_exist('regie_id', 'regie', 'family_id', 'family',
        'billing_run_id', 'billing_run');
create trigger invoice_references_changed after update of regie_id, family_id, billing_run_id on invoice
    for each row when (old.regie_id is distinct from new.regie_id or old.family_id is distinct from new.family_id
        or old.billing_run_id is distinct from new.billing_run_id)
    execute function reference_exists('regie_id', 'regie', 'family_id', 'family', 'billing_run_id', 'billing_run');

create trigger invoice_line_references after insert on invoice_line referencing new table as added
    for each statement execute function references_exist('invoice_id', 'invoice', 'child_id', 'child');
create trigger invoice_line_references_changed after update of invoice_id, child_id on invoice_line
    for each row when (old.invoice_id is distinct from new.invoice_id or old.child_id is distinct from new.child_id)
    execute function reference_exists('invoice_id', 'invoice', 'child_id', 'child');

create trigger billed_month_references after insert on billed_month referencing new table as added
    for each statement execute function references_exist('child_id', 'child', 'unit_id', 'activity_unit');
create trigger billed_month_references_changed after update of child_id, unit_id on billed_month
    for each row when (old.child_id is distinct from new.child_id or old.unit_id is distinct from new.unit_id)
    execute function reference_exists('child_id', 'child', 'unit_id', 'activity_unit');

create trigger billing_audit_references after insert on billing_audit referencing new table as added
    for each statement execute function references_exist('regie_id', 'regie');
create trigger billing_audit_references_changed after update of regie_id on billing_audit
    for each row when (old.regie_id is distinct from new.regie_id)
    execute function reference_exists('regie_id', 'regie');

-- After a DELETE statement on a parent: for every (table, column, action) triple of the trigger's arguments, the
-- rows naming a deleted parent are deleted ('cascade'), get a null reference ('set null'), or refuse the delete
-- ('no action': SQLSTATE 23503), as the foreign keys' ON DELETE did.
create function referencing_rows_follow() returns trigger language plpgsql
    set search_path from current
    as $$
declare
    i      integer := 0;
    named  bigint;
begin
    while i < tg_nargs loop
        if tg_argv[i + 2] = 'cascade' then
            execute format('delete from %I c where c.%I in (select id from removed)', tg_argv[i], tg_argv[i + 1]);
        elsif tg_argv[i + 2] = 'set null' then
            execute format('update %I c set %I = null where c.%I in (select id from removed)', tg_argv[i],
                tg_argv[i + 1], tg_argv[i + 1]);
        else
            named := null;
            execute format('select c.%I from %I c where c.%I in (select id from removed) limit 1', tg_argv[i + 1],
                tg_argv[i], tg_argv[i + 1]) into named;
            if named is not null then
                raise foreign_key_violation using
                    message = format('update or delete on table "%s" violates the reference from "%s"', tg_table_name,
                        tg_argv[i]),
                    detail = format('Key (id)=(%s) is still referenced from table "%s".', named, tg_argv[i]),
                    constraint = tg_argv[i] || '_' || tg_argv[i + 1] || '_fkey', table = tg_argv[i];
            end if;
        end if;
        i := i + 3;
    end loop;
    return null;
end
$$;

create trigger invoice_referencing_rows after delete on invoice referencing old table as removed
    for each statement execute function referencing_rows_follow('invoice_line', 'invoice_id', 'cascade');
create trigger child_referencing_rows after delete on child referencing old table as removed
    for each statement execute function referencing_rows_follow('invoice_line', 'child_id', 'set null',
        'billed_month', 'child_id', 'cascade');
create trigger activity_unit_referencing_rows after delete on activity_unit referencing old table as removed
    for each statement execute function referencing_rows_follow('billed_month', 'unit_id', 'cascade');
create trigger regie_referencing_rows after delete on regie referencing old table as removed
    for each statement execute function referencing_rows_follow('invoice', 'regie_id', 'no action',
        'billing_audit', 'regie_id', 'no action');
create trigger family_referencing_rows after delete on family referencing old table as removed
    for each statement execute function referencing_rows_follow('invoice', 'family_id', 'no action');
create trigger billing_run_referencing_rows after delete on billing_run referencing old table as removed
    for each statement execute function referencing_rows_follow('invoice', 'billing_run_id', 'no action');

-- A parent's id changed while a row names it (for each (table, column) pair of the arguments), or a parent truncated
-- while rows name one: refused, as with the foreign keys (their ON UPDATE was NO ACTION; TRUNCATE refused 0A000).
create function referenced_key_kept() returns trigger language plpgsql
    set search_path from current
    as $$
declare
    i      integer := 0;
    named  integer;
begin
    while i < tg_nargs loop
        named := null;
        if tg_op = 'TRUNCATE' then
            execute format('select 1 from %I c where c.%I is not null limit 1', tg_argv[i], tg_argv[i + 1]) into named;
            if named is not null then
                raise feature_not_supported using
                    message = format('cannot truncate table "%s": rows of "%s" name it', tg_table_name, tg_argv[i]),
                    hint = format('Truncate table "%s" at the same time.', tg_argv[i]);
            end if;
        else
            execute format('select 1 from %I c where c.%I = $1 limit 1', tg_argv[i], tg_argv[i + 1]) into named
                using old.id;
            if named is not null then
                raise foreign_key_violation using
                    message = format('update or delete on table "%s" violates the reference from "%s"', tg_table_name,
                        tg_argv[i]),
                    detail = format('Key (id)=(%s) is still referenced from table "%s".', old.id, tg_argv[i]),
                    constraint = tg_argv[i] || '_' || tg_argv[i + 1] || '_fkey', table = tg_argv[i];
            end if;
        end if;
        i := i + 2;
    end loop;
    return null;
end
$$;

create trigger invoice_key_kept after update of id on invoice
    for each row when (old.id is distinct from new.id) execute function referenced_key_kept('invoice_line', 'invoice_id');
create trigger child_key_kept after update of id on child
    for each row when (old.id is distinct from new.id)
    execute function referenced_key_kept('invoice_line', 'child_id', 'billed_month', 'child_id');
create trigger activity_unit_key_kept after update of id on activity_unit
    for each row when (old.id is distinct from new.id) execute function referenced_key_kept('billed_month', 'unit_id');
create trigger regie_key_kept after update of id on regie
    for each row when (old.id is distinct from new.id)
    execute function referenced_key_kept('invoice', 'regie_id', 'billing_audit', 'regie_id');
create trigger family_key_kept after update of id on family
    for each row when (old.id is distinct from new.id) execute function referenced_key_kept('invoice', 'family_id');
create trigger billing_run_key_kept after update of id on billing_run
    for each row when (old.id is distinct from new.id) execute function referenced_key_kept('invoice', 'billing_run_id');

-- TRUNCATE: checked once all the tables of the statement are emptied (a truncate of parent and children together
-- passes, as it did).
create trigger invoice_truncate_kept after truncate on invoice
    for each statement execute function referenced_key_kept('invoice_line', 'invoice_id');
create trigger child_truncate_kept after truncate on child
    for each statement execute function referenced_key_kept('invoice_line', 'child_id', 'billed_month', 'child_id');
create trigger activity_unit_truncate_kept after truncate on activity_unit
    for each statement execute function referenced_key_kept('billed_month', 'unit_id');
create trigger regie_truncate_kept after truncate on regie
    for each statement execute function referenced_key_kept('invoice', 'regie_id', 'billing_audit', 'regie_id');
create trigger family_truncate_kept after truncate on family
    for each statement execute function referenced_key_kept('invoice', 'family_id');
create trigger billing_run_truncate_kept after truncate on billing_run
    for each statement execute function referenced_key_kept('invoice', 'billing_run_id');
