-- Absences declared by families on booked days; a medical absence is excused with a certificate.
create table absence (
    id               bigserial primary key,
    booking_id       bigint       not null unique references booking (id) on delete cascade,
    reason           varchar(20)  not null check (reason in ('MALADIE', 'FAMILLE', 'AUTRE')),
    comment          varchar(500),
    certificate      bytea,
    certificate_type varchar(100),
    certificate_name varchar(200),
    created_at       timestamptz  not null default now()
);
