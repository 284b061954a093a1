-- Who did an action is written as the account's e-mail address: up to 254 characters (Keycloak accepts 255, an agent is
-- invited with up to 254), while these columns held 120, so that a parent or an agent with a longer address could not
-- save anything audited (the family file's draft, a decision, an invoicing run). And a message's author is the account's
-- name: first and last names of up to 255 characters each. Widening a varchar is a change of the catalog only: no table
-- is rewritten. An archive of schema 29 to 31 loads as it is (CommuneArchives.sameData).
alter table audit_log alter column actor type varchar(320);
alter table change_request alter column decided_by type varchar(320);
alter table account_credit alter column by_whom type varchar(320);
alter table billing_audit alter column actor type varchar(320);
alter table billing_run alter column started_by type varchar(320);
alter table invoice alter column issued_by type varchar(320);
alter table invoice_reminder alter column sent_by type varchar(320);
alter table payment alter column recorded_by type varchar(320);
alter table payment alter column cancelled_by type varchar(320);
alter table online_payment alter column started_by type varchar(320);
alter table wallet alter column activated_by type varchar(320);
alter table wallet_movement alter column created_by type varchar(320);
alter table sepa_mandate alter column signed_by type varchar(320);
alter table sepa_mandate alter column revoked_by type varchar(320);
alter table sepa_file alter column created_by type varchar(320);
alter table sepa_debit alter column rejected_by type varchar(320);
alter table message alter column author_name type varchar(520);
