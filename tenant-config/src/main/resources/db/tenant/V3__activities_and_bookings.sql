-- Activities, their daily units with a capacity, and bookings of children on unit-days.
create table activity (
    id                    bigserial primary key,
    code                  varchar(40)  not null unique,
    name                  varchar(120) not null,
    type                  varchar(30)  not null check (type in ('PERISCOLAIRE', 'RESTAURATION', 'MERCREDI',
                                                             'ALSH_VACANCES', 'SEJOUR', 'SPORT')),
    runs_in_holidays      boolean      not null default false,
    booking_deadline      varchar(40)  not null,   -- DeadlineCodec: J-2@23:59, JO-2@10:00, SEMAINE-TUESDAY@23:59
    cancellation_deadline varchar(40)  not null,
    late_policy           varchar(20)  not null check (late_policy in ('REFUSED', 'SURCHARGED')),
    needs_validation      boolean      not null default false
);

create table activity_unit (
    id          bigserial primary key,
    activity_id bigint      not null references activity (id) on delete cascade,
    code        varchar(20) not null,              -- MATIN, MIDI, SOIR…
    label       varchar(60) not null,
    start_time  time,
    end_time    time,
    capacity    integer     not null check (capacity >= 0),
    weekdays    varchar(20) not null default '1,2,3,4,5',   -- ISO days the unit runs
    unique (activity_id, code)
);

-- One row per unit and day that has bookings: the seat counter, locked while a seat is taken or freed,
-- so that concurrent bookers never oversell the last seat.
create table unit_day (
    unit_id bigint  not null references activity_unit (id) on delete cascade,
    day     date    not null,
    booked  integer not null default 0 check (booked >= 0),
    primary key (unit_id, day)
);

create table booking (
    id           bigserial primary key,
    child_id     bigint      not null references child (id) on delete cascade,
    unit_id      bigint      not null references activity_unit (id) on delete cascade,
    day          date        not null,
    status       varchar(30) not null check (status in ('BOOKED', 'BOOKED_LATE', 'WAITING', 'PENDING_VALIDATION',
                                                       'CANCELLED_FREE', 'ABSENT_EXCUSED', 'ABSENT_BILLED', 'PRESENT')),
    surcharged   boolean     not null default false,
    created_at   timestamptz not null default clock_timestamp(),
    updated_at   timestamptz not null default clock_timestamp()
);
-- a child holds at most one live booking per unit and day
create unique index booking_live on booking (child_id, unit_id, day)
    where status in ('BOOKED', 'BOOKED_LATE', 'WAITING', 'PENDING_VALIDATION');
create index booking_unit_day on booking (unit_id, day, status, created_at);
