-- Platform sessions of agents follow their administrator's decisions (issue 13): each disabling, re-enabling or role
-- change of an agent bumps its commune's staff_version and records the agent's state at that version. A session
-- remembers the version it knew; on its next request, a replica (any: the database is shared) that finds the commune's
-- version above it reads the agent's row and signs the session out (disabled since) or gives it the new roles.
alter table commune add column staff_version bigint not null default 0;

create table staff_session_change (
    commune_id         bigint       not null references commune (id) on delete cascade,
    subject            varchar(64)  not null,
    version            bigint       not null,
    signed_out_version bigint       not null default 0,
    enabled            boolean      not null,
    roles              varchar(200) not null,
    changed_at         timestamptz  not null default now(),
    primary key (commune_id, subject)
);
