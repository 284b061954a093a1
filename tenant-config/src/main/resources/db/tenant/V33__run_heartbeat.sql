-- An invoicing run lives in one replica's executor: a replica stopped mid-run (a rolling upgrade, a crash) left it
-- RUNNING for ever, its month blocked (the unique index on RUNNING runs) and its progress stuck under 100 %. The
-- replica running it now beats after each chunk; a RUNNING run whose heartbeat is older than fifteen minutes was
-- interrupted: the next start or progress read marks it FAILED ("relancez-la"), and a new run bills only what it had
-- not billed. Nullable: an archive of schemas 29 to 32 loads as it is.
alter table billing_run add column heartbeat_at timestamptz;
update billing_run set heartbeat_at = coalesce(finished_at, started_at);
