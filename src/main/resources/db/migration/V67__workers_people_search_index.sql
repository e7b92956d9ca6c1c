-- The indexes the register's list reads (issue 21, ADR 0039).
-- Any fragment of three letters or more of surname, name or codice fiscale, folded (V66).
create index workers_worker_search_ix on workers_worker using gin (search_text gin_trgm_ops);
-- The list's order (surname, name, codice fiscale), so that a page is read in order instead of sorting the register;
-- it replaces the index on the lower-cased names, which the search by LIKE '%…%' never could use.
drop index workers_worker_name_ix;
create index workers_worker_list_ix on workers_worker (last_name, first_name, tax_code);
