-- Issue 18: the register keeps the decadenza (loss of NASpI and of the unemployment status): its date and the breach decided.
alter table workers_worker add column naspi_lapsed_on date;
alter table workers_worker add column naspi_lapsed_breach_id bigint;
