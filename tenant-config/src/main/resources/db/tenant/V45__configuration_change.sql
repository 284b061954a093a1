-- The configuration's journal: each save that changed the commune's configuration (a section's screen, the file
-- imported), who made it and when, and the sections it changed with their values before and after (a JSON array,
-- tenant-config's ConfigurationChanges: [{"section": "billing.tariffs", "before": …, "after": …}, …]). A tariff, a
-- régie's collection, a closure or a capacity changed is thus told afterwards: by whom, when, from what to what.
create table configuration_change (
    id bigserial primary key,
    changed_at timestamp with time zone not null default now(),
    agent varchar(254) not null,
    sections varchar(1000) not null,
    changes text not null
);
create index configuration_change_latest on configuration_change (changed_at desc, id desc);
