-- Progress of long operations (issue 19, ADR 0028): an import, a verification or an export writes how far it
-- got, in a transaction of its own, under the token its form carried; the page polls it. Kept one day.
create table shared_progress (
    id uuid primary key,
    owner varchar(100) not null,
    kind varchar(60) not null,
    done bigint not null default 0 check (done >= 0),
    total bigint not null default 0 check (total >= 0),
    finished boolean not null default false,
    updated_at timestamptz not null default now()
);
create index shared_progress_at_ix on shared_progress (updated_at);
