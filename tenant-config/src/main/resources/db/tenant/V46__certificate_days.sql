-- How many days after an absent day a family may still send the medical certificate of an illness declared without
-- one: the commune's own (Tarification), 1 to 60; null: 7, as before this column.
alter table billing_settings add column certificate_days integer check (certificate_days between 1 and 60);
