-- Opening windows: an activity's period opened by request window, its requests, the allocation runs and
-- their results, the agents' manual adjustments (audited). Rules: tenant-config fr.portailfamille.booking.window.

create table opening_window (
    id                        bigserial    primary key,
    activity_id               bigint       not null references activity (id) on delete cascade,
    period_from               date         not null,
    period_to                 date         not null,
    opens_at                  timestamp    not null,   -- the commune's local time, as every booking deadline
    closes_at                 timestamp    not null,
    weight_resident           smallint     not null default 0 check (weight_resident between 0 and 100),
    weight_both_working       smallint     not null default 0 check (weight_both_working between 0 and 100),
    weight_sibling            smallint     not null default 0 check (weight_sibling between 0 and 100),
    weight_health             smallint     not null default 0 check (weight_health between 0 and 100),
    weight_previous           smallint     not null default 0 check (weight_previous between 0 and 100),
    weight_social             smallint     not null default 0 check (weight_social between 0 and 100),
    qf_ceiling                integer      check (qf_ceiling >= 0),
    siblings_together         boolean      not null default false,
    proof_required            boolean      not null default false,
    state                     varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'ALLOCATED', 'PUBLISHED')),
    seed                      bigint,      -- drawn once, when the window is closed and allocated
    created_by                varchar(254) not null,
    created_at                timestamptz  not null default now(),
    allocated_at              timestamptz,
    published_by              varchar(254),
    published_at              timestamptz,
    check (period_to >= period_from),
    check (closes_at > opens_at)
);
create index opening_window_activity on opening_window (activity_id, period_from, period_to);

-- one request per family and window; the facts its priority was weighed on are kept from the closing on,
-- so that a re-run with the recorded seed gives the same allocation
create table window_request (
    id                   bigserial    primary key,
    window_id            bigint       not null references opening_window (id) on delete cascade,
    family_id            bigint       not null references family (id) on delete cascade,
    both_parents_working boolean      not null default false,
    disability           boolean      not null default false,   -- health data
    proof_document_id    bigint       references family_document (id) on delete set null,
    submitted_at         timestamptz  not null default clock_timestamp(),
    fact_resident        boolean,
    fact_sibling         boolean,
    fact_health          boolean,
    fact_previous        boolean,
    fact_qf              integer,
    score                integer,
    draw                 integer,
    tied                 integer,
    unique (window_id, family_id)
);

create table window_wish (
    id             bigserial   primary key,
    request_id     bigint      not null references window_request (id) on delete cascade,
    child_id       bigint      not null references child (id) on delete cascade,
    unit_id        bigint      not null references activity_unit (id) on delete cascade,
    day            date        not null,
    outcome        varchar(10) check (outcome in ('PLACED', 'WAITING')),
    waiting_rank   integer,
    served         integer,    -- its place in the allocation's order
    siblings_kept  boolean     not null default false,
    adjusted       boolean     not null default false,
    unique (request_id, child_id, unit_id, day)
);
create index window_wish_unit_day on window_wish (unit_id, day);

-- the free seats of each unit-day when the window was closed (what every run allocates)
create table window_seat (
    window_id bigint  not null references opening_window (id) on delete cascade,
    unit_id   bigint  not null references activity_unit (id) on delete cascade,
    day       date    not null,
    seats     integer not null check (seats >= 0),
    primary key (window_id, unit_id, day)
);

create table window_run (
    id          bigserial    primary key,
    window_id   bigint       not null references opening_window (id) on delete cascade,
    seed        bigint       not null,
    fingerprint varchar(64)  not null,   -- SHA-256 of the outcomes: two runs alike have the same
    placed      integer      not null,
    waiting     integer      not null,
    ran_by      varchar(254) not null,
    ran_at      timestamptz  not null default now()
);

create table window_adjustment (
    id           bigserial    primary key,
    window_id    bigint       not null references opening_window (id) on delete cascade,
    wish_id      bigint       not null references window_wish (id) on delete cascade,
    from_outcome varchar(10)  not null,
    to_outcome   varchar(10)  not null,
    reason       varchar(500) not null,
    agent        varchar(254) not null,
    at           timestamptz  not null default now()
);
