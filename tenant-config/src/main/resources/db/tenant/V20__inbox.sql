-- Boîte de réception (issue 12): the commune's services (part of its configuration file), threads between a family
-- and a service with their messages and attachments, each side's read state, and agents' broadcasts to families.
create table inbox_service (
    code     varchar(40)  primary key check (code ~ '^[a-z0-9-]{1,40}$'),
    label    varchar(120) not null,
    email    varchar(254),
    position integer      not null default 0
);

-- the default services, as MessagingRules.defaults() lists them (every commune, new ones included)
insert into inbox_service (code, label, position) values
    ('enfance', 'Service enfance', 0),
    ('education', 'Service éducation', 1),
    ('regie', 'Régie', 2);

-- an agent's message to many families: who, when, to whom, how many (one thread per family)
create table message_broadcast (
    id           bigserial    primary key,
    service_code varchar(40)  not null references inbox_service (code) on update cascade,
    sent_by      varchar(254) not null,
    sent_at      timestamptz  not null default now(),
    target_kind  varchar(10)  not null check (target_kind in ('FAMILY', 'ACTIVITY', 'SCHOOL', 'CLASS', 'COMMUNE')),
    target_ref   varchar(100),
    target_label varchar(300) not null,
    subject      varchar(150) not null,
    family_count integer      not null check (family_count > 0)
);

create table message_thread (
    id              bigserial    primary key,
    family_id       bigint       not null references family (id) on delete cascade,
    child_id        bigint       references child (id) on delete set null,
    service_code    varchar(40)  not null references inbox_service (code) on update cascade,
    subject         varchar(150) not null,
    started_by      varchar(7)   not null check (started_by in ('FAMILY', 'SERVICE')),
    state           varchar(8)   not null check (state in ('OPEN', 'ANSWERED', 'CLOSED')),
    assigned_to     varchar(254),
    broadcast_id    bigint       references message_broadcast (id) on delete set null,
    created_at      timestamptz  not null default now(),
    last_message_at timestamptz  not null default now(),
    -- per-side read state: when each side last wrote and last opened the thread
    last_family_at  timestamptz,
    last_service_at timestamptz,
    family_read_at  timestamptz,
    service_read_at timestamptz,
    -- the family's "Messages supprimés" folder (restorable); agents still see the thread
    family_deleted_at timestamptz
);
create index message_thread_family on message_thread (family_id, last_message_at desc);
create index message_thread_service on message_thread (service_code, state, last_message_at desc);
create index message_thread_broadcast on message_thread (broadcast_id) where broadcast_id is not null;

create table message (
    id          bigserial     primary key,
    thread_id   bigint        not null references message_thread (id) on delete cascade,
    side        varchar(7)    not null check (side in ('FAMILY', 'SERVICE')),
    author      varchar(254)  not null,
    author_name varchar(200),
    body        varchar(5000) not null,
    sent_at     timestamptz   not null default now()
);
create index message_thread_messages on message (thread_id, sent_at, id);

create table message_attachment (
    id           bigserial    primary key,
    message_id   bigint       not null references message (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
create index message_attachment_message on message_attachment (message_id);
