-- The trigram index the people search reads (issue 21, ADR 0039): any fragment of three letters or more.
create index workers_worker_search_ix on workers_worker using gin (search_text gin_trgm_ops);
