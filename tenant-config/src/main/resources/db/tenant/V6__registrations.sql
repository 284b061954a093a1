-- Activity registrations (a child may book an activity's days once its registration is validated)
-- and school pre-registrations (inscriptions scolaires), both decided by agents.

create table registration (
    id              bigserial primary key,
    child_id        bigint       not null references child (id) on delete cascade,
    activity_id     bigint       not null references activity (id) on delete cascade,
    status          varchar(20)  not null check (status in ('SUBMITTED', 'VALIDATED', 'REFUSED')),
    cgu_accepted_at timestamptz  not null,
    submitted_at    timestamptz  not null default now(),
    decided_at      timestamptz,
    decided_by      varchar(254),
    reason          varchar(500)
);
-- one live registration per child and activity (a refused one may be submitted again)
create unique index registration_live on registration (child_id, activity_id) where status <> 'REFUSED';

create table registration_document (
    id              bigserial primary key,
    registration_id bigint       not null references registration (id) on delete cascade,
    label           varchar(120) not null,
    file_name       varchar(200) not null,
    content_type    varchar(100) not null,
    content         bytea        not null
);

create table school_enrolment (
    id               bigserial primary key,
    child_id         bigint       not null references child (id) on delete cascade,
    establishment_id bigint       not null references establishment (id),
    school_year      varchar(9)   not null,                 -- 2026-2027
    level            varchar(3)   not null check (level in ('TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')),
    status           varchar(20)  not null check (status in ('SUBMITTED', 'VALIDATED', 'REFUSED')),
    comment          varchar(500),
    submitted_at     timestamptz  not null default now(),
    decided_at       timestamptz,
    decided_by       varchar(254),
    reason           varchar(500)
);
create unique index school_enrolment_live on school_enrolment (child_id, school_year) where status <> 'REFUSED';

-- Absences with a certificate wait for an agent's review.
alter table absence
    add column reviewed_at timestamptz,
    add column reviewed_by varchar(254);
