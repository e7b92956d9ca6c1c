-- Idempotency-Key of the API's POSTs (issue 18): the same key of the same principal acts once; the answer of
-- the act is kept and replayed to a retry of the same request. Forgotten after ricolloca.api.idempotency.keep-for.
create table shared_idempotency_key (
    principal varchar(100) not null,
    idem_key varchar(200) not null,
    fingerprint char(64) not null,
    state varchar(10) not null check (state in ('IN_FLIGHT', 'DONE')),
    status integer,
    content_type varchar(200),
    body bytea,
    created_at timestamptz not null default now(),
    primary key (principal, idem_key)
);
create index shared_idempotency_key_at_ix on shared_idempotency_key (created_at);
