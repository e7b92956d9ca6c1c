-- The sources (addresses) from which each user signed in, so that while a username is under guessing spread
-- over many sources (ADR 0031) the owner's usual workstations keep their full allowance of mistakes; a row
-- is forgotten after ricolloca.security.lockout.known-source-for without a sign-in. Only a right password
-- writes a row: a stranger cannot grow this table. Per-username rows of accounts_sign_in_guard with source
-- '*' count a username's failures from every source.
create table accounts_sign_in_source (
    username varchar(60) not null,
    source varchar(64) not null,
    last_success_at timestamptz not null,
    constraint accounts_sign_in_source_pk primary key (username, source)
);
create index accounts_sign_in_source_last_success_ix on accounts_sign_in_source (last_success_at);
