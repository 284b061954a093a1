-- The same form sent twice — a double click, a page reloaded after sending ("renvoyer le formulaire ?") — recorded a
-- counter payment, a porte-monnaie top-up or a message to families twice. The form now carries a one-time token
-- (platform kernel.FormTokens), kept with what it recorded: sent again, it is refused. Nullable: what the API, the
-- online payments and the platform's own jobs record carries none, and an archive of schemas 29 to 34 loads as it is.
alter table payment add column form_token varchar(64);
alter table wallet_movement add column form_token varchar(64);
alter table message_broadcast add column form_token varchar(64);
create unique index payment_form_token on payment (form_token) where form_token is not null;
create unique index wallet_movement_form_token on wallet_movement (form_token) where form_token is not null;
create unique index message_broadcast_form_token on message_broadcast (form_token) where form_token is not null;
