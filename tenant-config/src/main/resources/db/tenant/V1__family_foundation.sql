-- First tables of a commune schema. Every commune has its own copy of these tables;
-- the platform reaches them only through the current commune's search_path.
create table family (
    id          bigserial primary key,
    label       varchar(200) not null,
    email       varchar(254),
    subject     varchar(64) unique,      -- Keycloak user id of responsable 1, once linked
    created_at  timestamptz not null default now()
);

create table child (
    id          bigserial primary key,
    family_id   bigint not null references family (id) on delete cascade,
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    birth_date  date not null
);
create index child_family on child (family_id);

create table news (
    id           bigserial primary key,
    title        varchar(200) not null,
    body         text not null,
    published_on date not null default current_date
);
