-- A registration's document keeps whether it is health data, as Mes documents' do: set when it is sent (its type ticked
-- as health data, or a name that speaks of health, or the Mes documents file it was taken from), and by each save of the
-- document types that ticks its type (HealthFlags); never cleared, so that a type renamed, unticked or deleted later
-- leaves the fiches sanitaires sent under it agent-sante's. Null: not flagged (read with the rule of the day, as before).
alter table registration_document add column health boolean;
update registration_document d set health = true from document_type t where t.label = d.label and t.health;
