-- How each régie collects (issue 11), part of the commune's configuration file from now on:
-- its PayFiP client number (V14's column, until now set by SQL), invoicing after the fact or a porte-monnaie
-- (with the lowest balance a booking may leave), and its SEPA creditor settings for direct debit.
alter table regie add column collection varchar(10) not null default 'INVOICE' check (collection in ('INVOICE', 'WALLET'));
alter table regie add column wallet_floor_cents bigint not null default 0 check (wallet_floor_cents between -10000 and 0);
alter table regie add column sepa_ics varchar(35);
alter table regie add column sepa_name varchar(70);
alter table regie add column sepa_iban varchar(34);
alter table regie add column sepa_bic varchar(11);
alter table regie add column sepa_debit_day integer check (sepa_debit_day between 1 and 28);
-- all of the creditor settings, or none
alter table regie add constraint regie_sepa_whole check (
    (sepa_ics is null and sepa_name is null and sepa_iban is null and sepa_bic is null and sepa_debit_day is null)
    or (sepa_ics is not null and sepa_name is not null and sepa_iban is not null and sepa_bic is not null
        and sepa_debit_day is not null));
