-- The operator console's onboardings (issue 13), kept in the platform schema rather than in the memory of the replica
-- that runs one: the console of any replica shows the steps as they run, and a failed onboarding is resumed from any
-- replica with what the operator gave (kept here as JSON, the logo's SVG included). An onboarding still EN_COURS whose
-- row has not moved for a while lost its replica: the console shows it interrupted, and it can be resumed.
create table onboarding_job (
    id          uuid          primary key,
    slug        varchar(40)   not null,
    name        varchar(120)  not null,
    onboarding  text          not null,
    state       varchar(10)   not null check (state in ('EN_COURS', 'FAITE', 'ECHEC')),
    failed_step varchar(40),
    error       varchar(2000),
    millis      bigint        not null default 0,
    started_by  varchar(120)  not null,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create index onboarding_job_slug on onboarding_job (slug, created_at desc);

create table onboarding_job_step (
    job_id uuid          not null references onboarding_job (id) on delete cascade,
    seq    integer       not null,
    code   varchar(40)   not null,
    label  varchar(200)  not null,
    state  varchar(10)   not null check (state in ('EN_ATTENTE', 'EN_COURS', 'FAITE', 'ECHEC')),
    detail varchar(2000),
    primary key (job_id, seq)
);
