-- The open pathways matching ranks for an offer (ADR 0038, third pass), kept by the vacancies module from the
-- pathway module's events (PathwayOpened, PathwayMovedToProvider, PathwayClosed) in the writer's transaction and
-- made equal to the pathway module's list at start-up: a ranking reads them here instead of receiving the ids of
-- 50,000 pathways. Filled at the first start-up after this migration.
create table vacancies_candidate (
    pathway_id bigint primary key,
    worker_id bigint not null,
    centre_id bigint not null
);
create index vacancies_candidate_centre_ix on vacancies_candidate (centre_id, pathway_id, worker_id);
