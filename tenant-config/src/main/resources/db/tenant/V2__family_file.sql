-- The family file (dossier famille): household, responsables, children with health sheet,
-- authorised contacts and authorisations; change requests once validated; audit log.

alter table family
    add column status            varchar(20) not null default 'DRAFT'
        check (status in ('DRAFT', 'SUBMITTED', 'VALIDATED')),
    add column situation         varchar(30),
    add column address_line      varchar(200),
    add column postcode          varchar(5),
    add column city              varchar(100),
    add column home_phone        varchar(20),
    add column caf_number        varchar(7),
    add column quotient_familial integer check (quotient_familial between 0 and 10000),
    add column iban              varchar(42),
    add column account_holder    varchar(120),
    add column draft_expires_at  timestamptz,
    add column submitted_at      timestamptz,
    add column validated_at      timestamptz,
    add column version           integer not null default 0;
create unique index family_email_unique on family (lower(email)) where email is not null;
create index family_status on family (status);

create table responsable (
    id            bigserial primary key,
    family_id     bigint not null references family (id) on delete cascade,
    rank          smallint not null check (rank in (1, 2)),
    civility      varchar(10),
    last_name     varchar(100),
    first_name    varchar(100),
    birth_date    date,
    mobile_phone  varchar(20),
    work_phone    varchar(20),
    email         varchar(254),
    profession    varchar(100),
    employer      varchar(100),
    consent_email boolean not null default false,
    consent_sms   boolean not null default false,
    unique (family_id, rank)
);

alter table child
    add column sex            char(1) check (sex in ('F', 'M')),
    add column birth_place    varchar(100),
    add column school         varchar(120),
    add column school_class   varchar(30),
    add column photo_consent  boolean not null default false,
    add column may_leave_alone boolean not null default false,
    add column allergies      varchar(500),
    add column pai            boolean not null default false,
    add column diet           varchar(200),
    add column doctor_name    varchar(120),
    add column doctor_phone   varchar(20),
    add column glasses        boolean not null default false,
    add column medical_notes  varchar(1000);

create table authorized_contact (
    id        bigserial primary key,
    child_id  bigint not null references child (id) on delete cascade,
    name      varchar(120) not null,
    relation  varchar(60) not null,
    phone     varchar(20) not null
);

create table change_request (
    id          bigserial primary key,
    family_id   bigint not null references family (id) on delete cascade,
    type        varchar(30) not null,
    status      varchar(20) not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REFUSED')),
    old_value   text not null,
    new_value   text not null,
    reason      varchar(500),
    created_at  timestamptz not null default now(),
    decided_at  timestamptz,
    decided_by  varchar(120)
);
create index change_request_family on change_request (family_id, created_at desc);
create index change_request_pending on change_request (status) where status = 'PENDING';

create table audit_log (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor      varchar(120) not null,
    action     varchar(60) not null,
    family_id  bigint,
    child_id   bigint,
    detail     varchar(1000)
);
create index audit_log_family on audit_log (family_id, at desc);

-- a draft may hold a child not fully described yet ("Finir plus tard")
alter table child alter column first_name drop not null,
                  alter column last_name drop not null,
                  alter column birth_date drop not null;
