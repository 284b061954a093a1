-- Mon profil (issue 12): what each portal account (a Keycloak subject of this commune's realm) chose on Mon profil,
-- and the booking-deadline reminders sent, once per family, activity and period.
create table account_preference (
    subject            varchar(64)  primary key,            -- Keycloak user id
    family_id          bigint       references family (id) on delete cascade,
    consent_email      boolean      not null default false, -- information from the commune by e-mail
    consent_sms        boolean      not null default false, -- and by SMS
    reminders_opt_out  boolean      not null default false, -- no booking-deadline reminders
    updated_at         timestamptz  not null default now()
);
create index account_preference_family on account_preference (family_id);

create table booking_reminder (
    family_id    bigint       not null references family (id) on delete cascade,
    activity_id  bigint       not null references activity (id) on delete cascade,
    period_start date         not null,                     -- Monday of the week the reminder was about
    closes_at    timestamp    not null,                     -- the deadline announced, commune local time
    sent_at      timestamptz  not null default now(),
    primary key (family_id, activity_id, period_start)
);
