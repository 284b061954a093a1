-- A family's new message or reply, an agent's reply, sent twice (a double tap on a phone, a double click) made two
-- threads or two answers, each mailed. The form now carries a one-time token (platform kernel.FormTokens), kept with
-- the message it recorded: sent again, it is refused. Nullable: the API's messages and those before carry none, and an
-- archive of schemas 29 to 38 loads as it is.
alter table message add column form_token varchar(64);
create unique index message_form_token on message (form_token) where form_token is not null;
