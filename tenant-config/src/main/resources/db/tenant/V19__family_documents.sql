-- Mes documents (issue 12): the commune's document types (part of its configuration file) and the documents
-- families upload for the family or a child, reviewed by an agent (health types by agent-sante only).
create table document_type (
    code            varchar(40)  primary key,
    label           varchar(120) not null,
    for_child       boolean      not null default false,
    health          boolean      not null default false,
    validity        varchar(12)  not null check (validity in ('SCHOOL_YEAR', 'MONTHS', 'UNTIL', 'PERMANENT')),
    validity_months integer      check (validity_months between 1 and 120),
    valid_until     date,
    position        integer      not null default 0,
    check (validity <> 'MONTHS' or validity_months is not null),
    check (validity <> 'UNTIL' or valid_until is not null)
);

-- the default types, as DocumentTypeRules.defaults() lists them (every commune, new ones included)
insert into document_type (code, label, for_child, health, validity, validity_months, position) values
    ('ASSURANCE', 'Attestation d''assurance scolaire', true, false, 'SCHOOL_YEAR', null, 0),
    ('DOMICILE', 'Justificatif de domicile de moins de 3 mois', false, false, 'MONTHS', 3, 1),
    ('QF', 'Attestation de quotient familial', false, false, 'MONTHS', 12, 2),
    ('CERTIFICAT_MEDICAL', 'Certificat médical', true, true, 'MONTHS', 12, 3),
    ('JUGEMENT_GARDE', 'Jugement de garde', true, false, 'PERMANENT', null, 4),
    ('PAI', 'Projet d''accueil individualisé (PAI)', true, true, 'SCHOOL_YEAR', null, 5);

create table family_document (
    id                 bigserial    primary key,
    family_id          bigint       not null references family (id) on delete cascade,
    child_id           bigint       references child (id) on delete cascade,
    type_code          varchar(40)  not null references document_type (code) on update cascade,
    -- copied from the type when uploaded, so that a later change of the type leaves decided documents as they were
    health             boolean      not null,
    issued_on          date         not null,
    expires_on         date,
    status             varchar(10)  not null check (status in ('PENDING', 'VALIDATED', 'REFUSED')),
    file_name          varchar(200) not null,
    content_type       varchar(100) not null,
    content            bytea        not null,
    uploaded_at        timestamptz  not null default now(),
    reviewed_at        timestamptz,
    reviewed_by        varchar(254),
    reason             varchar(500),
    expiry_notified_on date
);
create index family_document_family on family_document (family_id);
create index family_document_pending on family_document (uploaded_at) where status = 'PENDING';
create index family_document_expiry on family_document (expires_on) where status = 'VALIDATED';
