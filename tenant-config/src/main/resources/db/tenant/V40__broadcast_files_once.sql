-- A message to many families with a file stored the file once per family, in the agent's one transaction: a 3 MB menu
-- to 2,000 families was 6 GB in the commune's schema (and its WAL, backups and archives). A broadcast's files are now
-- stored once, and each family's attachment points at them; a family's own files and replies keep their content.
create table message_broadcast_file (
    id           bigserial    primary key,
    broadcast_id bigint       not null references message_broadcast (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
create index message_broadcast_file_broadcast on message_broadcast_file (broadcast_id);
alter table message_attachment alter column content drop not null;
alter table message_attachment add column broadcast_file_id bigint references message_broadcast_file (id);
alter table message_attachment add constraint message_attachment_content
    check ((content is null) <> (broadcast_file_id is null));
create index message_attachment_broadcast_file on message_attachment (broadcast_file_id);
