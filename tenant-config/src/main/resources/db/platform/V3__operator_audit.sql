-- What operators did to communes (suspend, resume, and the console's actions to come): who, when, which commune.
create table operator_audit (
    id      bigserial primary key,
    at      timestamptz  not null default now(),
    actor   varchar(120) not null,
    action  varchar(40)  not null,
    slug    varchar(40)  not null,
    detail  varchar(1000)
);
create index operator_audit_slug on operator_audit (slug, at desc);
