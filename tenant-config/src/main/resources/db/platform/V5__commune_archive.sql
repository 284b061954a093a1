-- Encrypted archives of communes (issue 13): made by a commune's administrator, moved by the operator, who cannot read
-- them (the passphrase stays with the administrator). Kept by commune id and slug without a foreign key, so that the
-- archive of a deleted commune stays for its import elsewhere; the staff page lists by commune id (a slug reused by a
-- later commune never shows an earlier commune's archives). The encrypted bytes are cut in chunks of 1 MiB, written in
-- the archive's one transaction and read back chunk after chunk: no archive is ever held whole in memory.
create table commune_archive (
    id             bigserial primary key,
    commune_id     bigint       not null,
    slug           varchar(40)  not null,
    created_at     timestamptz  not null default now(),
    created_by     varchar(120) not null,
    schema_version varchar(50)  not null,
    size           bigint       not null default 0,
    sha256         char(64)
);
create index commune_archive_commune on commune_archive (commune_id, created_at desc);
create index commune_archive_slug on commune_archive (slug, created_at desc);

create table commune_archive_chunk (
    archive_id bigint  not null references commune_archive (id) on delete cascade,
    seq        integer not null,
    bytes      bytea   not null,
    primary key (archive_id, seq)
);
