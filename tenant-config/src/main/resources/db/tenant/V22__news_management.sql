-- Actualités (issue 12): agents write, schedule, target and publish the commune's news with an optional image.
-- A news is online while published, from publish_at until end_at (excluded, none: no end); audience EVERYONE shows
-- it on the public home and on every family's Accueil, ACTIVITIES only to families with a child whose registration
-- to one of news_activity's activities is validated. Existing rows stay visible: published for everyone.
alter table news
    add column published    boolean      not null default false,
    add column publish_at   timestamptz,
    add column end_at       timestamptz,
    add column audience     varchar(10)  not null default 'EVERYONE' check (audience in ('EVERYONE', 'ACTIVITIES')),
    add column image        bytea,
    add column image_type   varchar(20)  check (image_type in ('image/jpeg', 'image/png')),
    add column image_alt    varchar(250),
    add column image_width  integer,
    add column image_height integer,
    add column author       varchar(254),
    add column created_at   timestamptz  not null default now(),
    add column updated_at   timestamptz  not null default now();

update news set published = true, publish_at = published_on::timestamp at time zone 'Europe/Paris',
    created_at = published_on::timestamp at time zone 'Europe/Paris',
    updated_at = published_on::timestamp at time zone 'Europe/Paris', author = 'reprise';
alter table news drop column published_on;

alter table news
    add constraint news_published_has_date check (not published or publish_at is not null),
    add constraint news_dates_in_order check (end_at is null or publish_at is null or end_at > publish_at),
    add constraint news_image_complete check ((image is null) = (image_type is null)
        and (image is null or (image_alt is not null and image_width is not null and image_height is not null))),
    -- NewsRules.BODY_MAX; older rows (written before any limit) are kept as they are
    add constraint news_body_length check (char_length(body) <= 4000) not valid;

create table news_activity (
    news_id     bigint not null references news (id) on delete cascade,
    activity_id bigint not null references activity (id) on delete cascade,
    primary key (news_id, activity_id)
);
create index news_activity_activity on news_activity (activity_id);
create index news_online on news (publish_at desc) where published;
