-- A mail the SMTP server did not take when its transaction committed (server down, slow, refusing): kept here and sent
-- again by any replica (MailRetryJob, every five minutes; rows taken with "for update skip locked", so that two replicas
-- never send the same one), later and later, until it goes — or, after two days, is given up and logged. Before, such a
-- mail was lost while the action that asked for it (a reminder, a low porte-monnaie warning, an expiry notice) was
-- recorded as sent and never sent again.
create table mail_retry (
    id           bigserial     primary key,
    commune_name varchar(200)  not null,
    recipient    varchar(320)  not null,
    subject      varchar(1000) not null,
    body         text          not null,
    last_error   varchar(1000),
    attempts     integer       not null default 1,
    created_at   timestamptz   not null default now(),
    next_attempt timestamptz   not null,
    sent_at      timestamptz,
    abandoned_at timestamptz
);
create index mail_retry_due on mail_retry (next_attempt) where sent_at is null and abandoned_at is null;
