-- The monitoring's invited sample (distinct workers invited by a date, per competent CPI) read from
-- kept counts instead of a distinct count over every invitation (ADR 0037). Each invited worker's
-- first invitation date and competent CPI (0: none), and the number of workers per CPI and first
-- date: the workers invited by a date are those whose first invitation falls on or before it.
-- Kept current by the database itself, whoever writes the invitations or moves a worker to another
-- CPI: the triggers recount only the workers a statement touched. Only reporting's tables are written.
create table reporting_invited_worker (
    worker_id bigint primary key,
    centre_id bigint not null,
    first_on date not null
);

create table reporting_invited_count (
    centre_id bigint not null,
    first_on date not null,
    workers bigint not null,
    constraint reporting_invited_count_pk primary key (centre_id, first_on)
);

-- Recounts these workers: takes their old line out of the counts, puts their present one in. One writer
-- at a time (a transaction-scoped lock), so two imports of invitations for one worker never collide.
create function reporting_invited_refresh(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('reporting_invited'));
    with gone as (
        delete from reporting_invited_worker where worker_id = any (ids) returning centre_id, first_on)
    insert into reporting_invited_count as c (centre_id, first_on, workers)
    select centre_id, first_on, -count(*) from gone group by centre_id, first_on
    on conflict (centre_id, first_on) do update set workers = c.workers + excluded.workers;
    with fresh as (
        insert into reporting_invited_worker (worker_id, centre_id, first_on)
        select i.worker_id, coalesce(w.competent_centre_id, 0), min(i.invitation_date)
        from workers_invitation i join workers_worker w on w.id = i.worker_id
        where i.worker_id = any (ids) group by i.worker_id, w.competent_centre_id
        returning centre_id, first_on)
    insert into reporting_invited_count as c (centre_id, first_on, workers)
    select centre_id, first_on, count(*) from fresh group by centre_id, first_on
    on conflict (centre_id, first_on) do update set workers = c.workers + excluded.workers;
end $$;

create function reporting_invitations_added() returns trigger language plpgsql as $$
begin
    perform reporting_invited_refresh(array(select distinct worker_id from added));
    return null;
end $$;

create function reporting_invitations_changed() returns trigger language plpgsql as $$
begin
    perform reporting_invited_refresh(array(select worker_id from added union select worker_id from removed));
    return null;
end $$;

create function reporting_invitations_removed() returns trigger language plpgsql as $$
begin
    perform reporting_invited_refresh(array(select distinct worker_id from removed));
    return null;
end $$;

create function reporting_invited_worker_moved() returns trigger language plpgsql as $$
begin
    if exists (select 1 from reporting_invited_worker where worker_id = new.id) then
        perform reporting_invited_refresh(array[new.id]);
    end if;
    return null;
end $$;

create trigger reporting_invitations_added after insert on workers_invitation
    referencing new table as added for each statement execute function reporting_invitations_added();
create trigger reporting_invitations_changed after update on workers_invitation
    referencing old table as removed new table as added for each statement
    execute function reporting_invitations_changed();
create trigger reporting_invitations_removed after delete on workers_invitation
    referencing old table as removed for each statement execute function reporting_invitations_removed();
-- Fires only for a worker whose competent CPI really changed (the condition is checked without calling the function).
create trigger reporting_invited_worker_moved after update of competent_centre_id on workers_worker
    for each row when (old.competent_centre_id is distinct from new.competent_centre_id)
    execute function reporting_invited_worker_moved();

insert into reporting_invited_worker (worker_id, centre_id, first_on)
select i.worker_id, coalesce(w.competent_centre_id, 0), min(i.invitation_date)
from workers_invitation i join workers_worker w on w.id = i.worker_id group by i.worker_id, w.competent_centre_id;

insert into reporting_invited_count (centre_id, first_on, workers)
select centre_id, first_on, count(*) from reporting_invited_worker group by centre_id, first_on;
