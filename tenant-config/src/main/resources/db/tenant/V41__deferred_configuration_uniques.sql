-- A configuration save writes its régies and QF brackets row by row (upserts on their code); two régies swapping
-- their invoice prefixes, or two brackets their lower bounds, met their unique index half-way and failed the save.
-- Checked at commit instead: the save's own validation has made the values distinct by then.
alter table regie drop constraint regie_invoice_prefix_key;
alter table regie add constraint regie_invoice_prefix_key unique (invoice_prefix) deferrable initially deferred;
alter table qf_bracket drop constraint qf_bracket_qf_min_key;
alter table qf_bracket add constraint qf_bracket_qf_min_key unique (qf_min) deferrable initially deferred;
