-- An invoicing run's invoice whose family is not mailed yet. A run mails each chunk's families once the chunk has
-- committed (a mail never leaves before its invoice); a replica stopping between the two left that chunk's families
-- unmailed and their account credit not deducted, with nothing to tell. The run's insert sets it, the mail step clears
-- it in the transaction that queues the mails (each invoice mailed once); a run whose replica stopped has its invoices
-- still awaiting mailed by whoever finds it (the run's progress page, a new start, the follow-up job).
-- Null for every other invoice (credit notes, invoices issued before this column).
alter table invoice add column awaiting_mail boolean;
create index invoice_awaiting_mail on invoice (billing_run_id) where awaiting_mail;
