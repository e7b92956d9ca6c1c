-- Each list that finds its cases by a worker's name keeps its own copy of its workers' search text (issue 21,
-- ADR 0047): the register's stored search_text (V66, folded by workers_fold), one row per worker, searched through
-- its own trigram index, so that a frequent word is looked for among the list's workers and not handed over as the
-- ids of every namesake in the register. The register's text is the truth: the module copies it when it first
-- holds a worker and whenever the register announces a change (WorkerProfileChanged, WorkerDataExpired).
-- A copy may hold a worker the module has no case of (a worker the register announced): the list's search joins
-- its own rows. No foreign key: the register never deletes a worker, and an import writes a row per new worker.
create table requests_person (
    worker_id bigint primary key,
    search_text text not null
);
insert into requests_person (worker_id, search_text)
select w.id, w.search_text from workers_worker w
where exists (select 1 from requests_voucher_request r where r.worker_id = w.id);
create index requests_person_search_ix on requests_person using gin (search_text gin_trgm_ops);

create table pathway_person (
    worker_id bigint primary key,
    search_text text not null
);
insert into pathway_person (worker_id, search_text)
select w.id, w.search_text from workers_worker w
where exists (select 1 from pathway_pathway p where p.worker_id = w.id);
create index pathway_person_search_ix on pathway_person using gin (search_text gin_trgm_ops);

create table claims_person (
    worker_id bigint primary key,
    search_text text not null
);
insert into claims_person (worker_id, search_text)
select w.id, w.search_text from workers_worker w
where exists (select 1 from claims_claim c where c.worker_id = w.id);
create index claims_person_search_ix on claims_person using gin (search_text gin_trgm_ops);
