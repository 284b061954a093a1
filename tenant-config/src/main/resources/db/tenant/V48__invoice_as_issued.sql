-- An invoice prints as it was issued: the family's name and address at its issue, and each line's service in words
-- (the activity's name and its unit's label then), kept with it; a family that moves or an activity renamed later does
-- not change an invoice already sent. Null on invoices issued before this column: they print from today's data.
alter table invoice
    add column addressee_label varchar(300),
    add column addressee_line  varchar(300),
    add column addressee_city  varchar(300);
alter table invoice_line add column service varchar(300);
