-- « Publier » clicked twice on a new news (both posts before the first answer) put it twice on every family's Accueil and
-- the public home. The news form now carries a one-time token (platform kernel.FormTokens), kept with the news it
-- created: sent again, it is refused and the agent taken to the one made. Nullable: demo data and older rows carry none.
alter table news add column form_token varchar(64);
create unique index news_form_token on news (form_token) where form_token is not null;
