-- One truth for a parent's consent to the commune's information by e-mail and SMS: the family file's responsable.
-- Mon profil (V23) stored it per account as well; a consent ticked there is kept on the account's own responsable
-- (rank 1 of its linked family), then the account's copies are dropped. A "false" there is not copied: Mon profil
-- saved its unticked defaults with every reminders choice, so it does not tell a withdrawal from "never shown".
update responsable r
   set consent_email = r.consent_email or p.consent_email,
       consent_sms   = r.consent_sms or p.consent_sms
  from account_preference p
  join family f on f.subject = p.subject or f.id = p.family_id
 where r.family_id = f.id and r.rank = 1 and (p.consent_email or p.consent_sms);

insert into audit_log (actor, action, family_id, detail)
select distinct 'systeme', 'CONSENTEMENT', f.id, 'accord donné dans Mon profil reporté dans le dossier'
  from account_preference p
  join family f on f.subject = p.subject or f.id = p.family_id
 where (p.consent_email or p.consent_sms)
   and exists (select 1 from responsable r where r.family_id = f.id and r.rank = 1);

alter table account_preference drop column consent_email, drop column consent_sms;
