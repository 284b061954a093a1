-- The reason an agent gives when refusing an absence's medical certificate, kept so that Mes demandes shows it
-- (until now it was only mailed).
alter table absence add column review_reason varchar(500);
