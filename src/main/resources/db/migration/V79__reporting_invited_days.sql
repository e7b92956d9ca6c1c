-- The information table's invited workers (distinct workers invited in a period, per competent CPI)
-- read from kept counts instead of a distinct count over every invitation joined to the register
-- (ADR 0043). Each worker's invitation dates, each with the worker's previous invitation date
-- (-infinity for the first), and their number per CPI, date and previous date. A worker invited in
-- the period [a, b] has exactly one invitation date in it whose previous date falls before a (the
-- first of its dates in the period), so the workers invited in the period are
--     sum(workers) where on_date between a and b and prev_on < a.
-- Kept by the refresh of V62 (the same triggers: invitations written, a worker moved to another CPI),
-- which now recounts these lines too. Only reporting's tables are written.
create table reporting_invited_day (
    worker_id bigint not null,
    on_date date not null,
    prev_on date not null,
    centre_id bigint not null,
    constraint reporting_invited_day_pk primary key (worker_id, on_date)
);

create table reporting_invited_day_count (
    centre_id bigint not null,
    on_date date not null,
    prev_on date not null,
    workers bigint not null,
    constraint reporting_invited_day_count_pk primary key (centre_id, on_date, prev_on)
);

-- V62's recount, the same for its first-invitation counts, and the lines and counts above beside it.
create or replace function reporting_invited_refresh(ids bigint[]) returns void language plpgsql as $$
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

    with gone as (
        delete from reporting_invited_day where worker_id in (select unnest(ids))
        returning centre_id, on_date, prev_on)
    insert into reporting_invited_day_count as c (centre_id, on_date, prev_on, workers)
    select centre_id, on_date, prev_on, -count(*) from gone group by 1, 2, 3 order by 1, 2, 3
    on conflict (centre_id, on_date, prev_on) do update set workers = c.workers + excluded.workers;
    with fresh as (
        insert into reporting_invited_day (worker_id, on_date, prev_on, centre_id)
        select i.worker_id, i.invitation_date,
            coalesce(lag(i.invitation_date) over (partition by i.worker_id order by i.invitation_date), '-infinity'),
            coalesce(w.competent_centre_id, 0)
        from workers_invitation i join workers_worker w on w.id = i.worker_id
        where i.worker_id in (select unnest(ids))
        returning centre_id, on_date, prev_on)
    insert into reporting_invited_day_count as c (centre_id, on_date, prev_on, workers)
    select centre_id, on_date, prev_on, count(*) from fresh group by 1, 2, 3 order by 1, 2, 3
    on conflict (centre_id, on_date, prev_on) do update set workers = c.workers + excluded.workers;
end $$;

-- The lines and counts of the invitations already there (one invitation per worker and date: its key).
insert into reporting_invited_day (worker_id, on_date, prev_on, centre_id)
select i.worker_id, i.invitation_date,
    coalesce(lag(i.invitation_date) over (partition by i.worker_id order by i.invitation_date), '-infinity'),
    coalesce(w.competent_centre_id, 0)
from workers_invitation i join workers_worker w on w.id = i.worker_id;

insert into reporting_invited_day_count (centre_id, on_date, prev_on, workers)
select centre_id, on_date, prev_on, count(*) from reporting_invited_day group by 1, 2, 3;
