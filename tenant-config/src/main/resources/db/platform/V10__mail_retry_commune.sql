-- A kept mail belongs to its commune: a suspended commune's mails wait (sent if it is resumed within the two days),
-- a deleted commune's are deleted with it (its families' addresses and the mails' texts stay nowhere). Null for a mail
-- kept outside any commune (the operators') and for those kept before this version.
alter table mail_retry add column commune_id bigint references commune (id) on delete cascade;
create index mail_retry_commune on mail_retry (commune_id);
