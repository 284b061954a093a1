-- An activity's last day (Activités, « Dernier jour »): none of its units runs after it (a stage de Pâques, a cycle
-- stopped in June), no new registration is taken once it has passed, and what was booked after it is undone with the
-- save that sets it (as for a weekday removed). Null: the activity runs on, as before.
alter table activity add column last_day date;
