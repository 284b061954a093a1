-- The commune's configuration, exported and imported as one file (fr.portailfamille.configuration):
-- establishments, calendar periods, closures, legend, settings, and what activities accept.

create table establishment (
    id      bigserial primary key,
    code    varchar(40)  not null unique,
    name    varchar(120) not null,
    kind    varchar(30)  not null check (kind in ('ECOLE_MATERNELLE', 'ECOLE_ELEMENTAIRE', 'ECOLE_PRIMAIRE',
                                                  'ACCUEIL_LOISIRS', 'RESTAURANT_SCOLAIRE', 'AUTRE')),
    address varchar(200)
);

-- School years (the days school-time activities run) and the school holidays of the commune's zone.
create table calendar_period (
    id        bigserial primary key,
    kind      varchar(20) not null check (kind in ('ANNEE_SCOLAIRE', 'VACANCES')),
    label     varchar(80) not null,
    start_day date        not null,
    end_day   date        not null,
    check (end_day >= start_day)
);

-- Days every accueil of the commune is closed (bridge days, works…); local public holidays too.
create table closure (
    day   date         primary key,
    label varchar(120) not null
);

-- The commune's own label and colours for each calendar state (DayState); a missing state uses the default.
create table legend_entry (
    state      varchar(30) primary key,
    label      varchar(60) not null,
    background char(7)     not null,
    text_color char(7)     not null
);

-- Free settings: school zone (A, B, C), CGU text shown at activity registration…
create table commune_setting (
    key   varchar(60)   primary key,
    value varchar(20000) not null
);

alter table activity
    add column description      varchar(1000),
    add column establishment_id bigint references establishment (id) on delete set null,
    add column min_age          integer check (min_age between 0 and 25),
    add column max_age          integer check (max_age between 0 and 25),
    add column school_levels    varchar(100),            -- PS,MS,GS,CP,CE1,CE2,CM1,CM2 ; null: every level
    add constraint activity_ages check (min_age is null or max_age is null or min_age <= max_age);

-- Documents a family uploads when registering a child to the activity.
create table activity_document (
    id          bigserial primary key,
    activity_id bigint       not null references activity (id) on delete cascade,
    position    integer      not null,
    label       varchar(120) not null,
    unique (activity_id, position)
);
