-- People search, second pass (ADR 0039): the list's order index also carries the id and the folded text,
-- so that the page of a frequent word is looked for among the list's first rows by an index-only scan
-- (the heap is read only for the rows of the page, fetched by id afterwards).
drop index if exists workers_worker_list_ix;
create index workers_worker_list_ix on workers_worker (last_name, first_name, tax_code) include (id, search_text);
