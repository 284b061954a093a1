-- A child the staff found present on a unit-day without any booking (présence sans réservation) is
-- recorded as a PRESENT booking marked unbooked, so that billing prices it at the tariff's penalty.
alter table booking add column unbooked boolean not null default false;
