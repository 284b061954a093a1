-- The tenant store: one row per commune served by the platform.
create table commune (
    id                 bigserial primary key,
    slug               varchar(40)  not null unique,
    name               varchar(120) not null,
    status             varchar(20)  not null check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
    schema_name        varchar(63)  not null unique,
    realm_name         varchar(63)  not null unique,
    website_url        varchar(500) not null,
    primary_color      char(7)      not null,
    accent_color       char(7)      not null,
    logo_svg           text,
    oidc_client_id     varchar(100) not null,
    oidc_client_secret varchar(200),
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

-- Custom domains (familles.<commune>.fr): a domain belongs to one commune only.
create table commune_domain (
    domain     varchar(253) primary key,
    commune_id bigint not null references commune (id) on delete cascade
);
create index commune_domain_commune on commune_domain (commune_id);
