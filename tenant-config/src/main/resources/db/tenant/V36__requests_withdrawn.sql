-- A family could not take back a request it had sent and no agent had decided yet (an activity registration, a school
-- pre-registration, a change of its file): a mistaken one stayed in the agents' queue until refused. It may now withdraw
-- it from Mes demandes (status WITHDRAWN, kept for the history, shown as "Annulée"); a withdrawn registration, like a
-- refused one, no longer holds the child's place for the activity or the school year, so the family may ask again.
-- Constraints and indexes only: an archive of schemas 29 to 35 loads as it is.
alter table registration drop constraint registration_status_check;
alter table registration add constraint registration_status_check
    check (status in ('SUBMITTED', 'VALIDATED', 'REFUSED', 'WITHDRAWN'));
drop index registration_live;
create unique index registration_live on registration (child_id, activity_id) where status not in ('REFUSED', 'WITHDRAWN');

alter table school_enrolment drop constraint school_enrolment_status_check;
alter table school_enrolment add constraint school_enrolment_status_check
    check (status in ('SUBMITTED', 'VALIDATED', 'REFUSED', 'WITHDRAWN'));
drop index school_enrolment_live;
create unique index school_enrolment_live on school_enrolment (child_id, school_year) where status not in ('REFUSED', 'WITHDRAWN');

alter table change_request drop constraint change_request_status_check;
alter table change_request add constraint change_request_status_check
    check (status in ('PENDING', 'ACCEPTED', 'REFUSED', 'WITHDRAWN'));
