-- The régie's CAF summary (per activity and QF bracket: children, unit-days, amounts) counted only invoice lines, so the
-- days a porte-monnaie paid — never invoiced — were missing from what the commune declares to the CAF. A day paid by a
-- porte-monnaie now keeps the QF bracket its price was found by (null: maximum tariff, effort rate, no bracket), as an
-- invoice line does. Nullable: the days paid before this version are summarised "sans QF / tarif maximum", and an
-- archive of schemas 29 to 36 loads as it is.
alter table wallet_booking add column bracket_code varchar(20);
