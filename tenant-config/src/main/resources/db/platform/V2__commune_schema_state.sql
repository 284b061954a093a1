-- Where each commune's schema stands against the platform's code: the upgrade step (the Helm pre-upgrade Job, or a
-- replica's start where migration at start is on) records the version it reached and, when a migration failed, the
-- error; a replica serves a commune only when its schema holds every migration the replica's code needs.
alter table commune
    add column schema_version    varchar(50),
    add column schema_state      varchar(12) not null default 'PENDING'
        check (schema_state in ('PENDING', 'CURRENT', 'FAILED')),
    add column schema_error      varchar(2000),
    add column schema_checked_at timestamptz;
