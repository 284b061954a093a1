-- A window's publication books each child the allocation placed, and queues the others; what it really did could
-- differ from the allocation (the seat taken between the close and the publication, the porte-monnaie not covering the
-- day, a day closed since, or already begun, a day the child already held), yet Ma demande and the mail said "place
-- attribuée" from the allocation alone. What the publication did is kept on the wish, and shown:
--   published_status: BOOKED, WAITING (on the unit-day's waiting list) or NONE (nothing made);
--   published_reason: TAKEN, WALLET, CLOSED, STARTED, HELD, PROMOTED (why it differs from the allocation: PROMOTED, a
--   child ranked on the waiting list given a seat the publication left free), null when it does not.
-- Nullable: the wishes of windows published before this version, and an archive of schemas 29 to 37, as they were.
alter table window_wish add column published_status varchar(10) check (published_status in ('BOOKED', 'WAITING', 'NONE'));
alter table window_wish add column published_reason varchar(10)
    check (published_reason in ('TAKEN', 'WALLET', 'CLOSED', 'STARTED', 'HELD', 'PROMOTED'));
