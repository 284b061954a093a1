-- iCal feeds of a child's booked days (issue 12): a private URL per child whose token is kept only as its
-- SHA-256; regenerating revokes the previous token, a revoked token answers 404.
create table calendar_feed (
    id          bigserial    primary key,
    token_hash  char(64)     not null unique,
    child_id    bigint       not null references child (id) on delete cascade,
    family_id   bigint       not null references family (id) on delete cascade,
    created_at  timestamptz  not null default now(),
    revoked_at  timestamptz
);
-- one live feed per child
create unique index calendar_feed_live on calendar_feed (child_id) where revoked_at is null;
create index calendar_feed_family on calendar_feed (family_id);
