-- issue 13: the commune's administrators manage its agents' accounts (Keycloak users of the commune's realm);
-- each action is written here in the same transaction: who, what, whom, when.
create table staff_audit (
    id bigserial primary key,
    at timestamptz not null default now(),
    actor varchar(320) not null,
    actor_subject varchar(64),
    action varchar(20) not null check (action in ('INVITE', 'ROLES', 'DISABLE', 'ENABLE')),
    target_subject varchar(64) not null,
    target_email varchar(320) not null,
    detail varchar(500)
);

create index staff_audit_at on staff_audit (at desc, id desc);
