-- A booking whose family gave its seat up after the free-cancellation deadline: billed (ABSENT_BILLED) like a day the
-- staff pointed absent, but its seat was freed at once (maybe given to the first child waiting). The agents'
-- occupancy counted it as a seat still taken, beside the child promoted to it (11 places taken of 10). True for those;
-- null for every other booking (and the late cancellations made before this column, which cannot be told apart).
alter table booking add column seat_given_up boolean;
