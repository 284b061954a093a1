-- The school year a child's class (school_class) is known for: at the change of school year the nightly job moves each
-- child whose class is a level (CP, CE1…) up one level, once per year (a second run, another replica, finds the year
-- written), a CM2 pupil leaving the école élémentaire. Null until the job first stamps it, and again when the class is
-- changed by hand (the family's file, an agent): the class typed is taken as the year's.
alter table child add column class_year varchar(9);
