-- Failed sign-ins are counted per (username, source address), so that a stranger who knows a username
-- cannot lock its owner out: a lock stops that source only, for a time that doubles at each new lock.
-- Rows with username '*' count every failure of a source (a source trying many usernames), rows with
-- username '#bearer' the wrong API tokens a source presents; both within a short window (counted_since),
-- so that an office whose staff share one address is not held off by a day of typing mistakes.
create table accounts_sign_in_guard (
    username varchar(60) not null,
    source varchar(64) not null,
    failures int not null default 0,
    locks int not null default 0,
    locked_until timestamptz,
    counted_since timestamptz not null,
    last_failure_at timestamptz not null,
    constraint accounts_sign_in_guard_pk primary key (username, source)
);
create index accounts_sign_in_guard_last_failure_ix on accounts_sign_in_guard (last_failure_at);
-- An account-wide lock is what a stranger could impose: it is no longer set; any left is lifted.
update accounts_user set locked_until = null, failed_attempts = 0;
