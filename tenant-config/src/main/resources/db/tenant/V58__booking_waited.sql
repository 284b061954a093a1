-- A booking that was on the waiting list once: still the family's request in Mes demandes after it got its seat
-- (« Acceptée », with when) or after the family took it back (« Annulée ») — it used to vanish from the list the moment
-- a seat freed, in an activity without validation. Null for bookings never on a waiting list (and for those before).
alter table booking add column waited boolean;
