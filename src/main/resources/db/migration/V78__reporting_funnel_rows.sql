-- The funnel's figures read from kept counts instead of joining requests, pathways, appointments and
-- pacts at every view (ADR 0043, amending ADR 0037). Two levels, both kept by the database itself,
-- whoever writes those tables:
--  * reporting_funnel_request: one line per request with its competent CPI and date, and the dates of
--    release, first appointment held, pact signed and hire, exactly as the funnel derives them;
--  * reporting_funnel_count (CPI, month of the request date, step) and reporting_funnel_days (CPI,
--    month, interval, whole days): the funnel's five counts and the histograms of its four intervals,
--    moved by the lines' changes. A period of whole months reads only these few thousand rows; the
--    days of a period outside its whole months are read from the lines (by date), and the medians are
--    computed exactly from the histograms (the two middle ranks, as percentile_cont does).
-- Every trigger is per statement with its transition tables: a million-row import statement pays one
-- set-based pass over its rows, not a million calls. Only reporting's tables are written.
create table reporting_funnel_request (
    request_id bigint primary key,
    centre_id bigint,
    request_date date not null,
    released_on date,
    first_on date,
    pact_on date,
    hired_on date,
    in_pathway boolean not null default false
);

create index reporting_funnel_request_date_ix on reporting_funnel_request (request_date);

-- Steps: 1 requested, 2 released, 3 first appointment held, 4 pact signed, 5 hired.
create table reporting_funnel_count (
    centre_id bigint not null,
    month date not null,
    step smallint not null,
    n bigint not null,
    constraint reporting_funnel_count_pk primary key (centre_id, month, step)
);

-- Intervals: 1 request to release, 2 release to first appointment, 3 first appointment to pact,
-- 4 pact (or first appointment) to hire; days may be negative when the dates say so.
create table reporting_funnel_days (
    centre_id bigint not null,
    month date not null,
    kind smallint not null,
    days integer not null,
    n bigint not null,
    constraint reporting_funnel_days_pk primary key (centre_id, month, kind, days)
);

-- The counts and histograms follow the lines: each statement on the lines adds its new lines' share and
-- takes out its old lines' share, grouped once (keys in order, so two writers never deadlock on them).
create function reporting_funnel_lines_counted() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        with l as (
            select centre_id, date_trunc('month', request_date)::date as month, request_date, released_on, first_on,
                pact_on, hired_on, 1 as sign
            from added where centre_id is not null),
        c as (
            insert into reporting_funnel_count as c (centre_id, month, step, n)
            select l.centre_id, l.month, v.step, sum(l.sign) from l cross join lateral (values (1, true),
                (2, l.released_on is not null), (3, l.first_on is not null), (4, l.pact_on is not null),
                (5, l.hired_on is not null)) v (step, yes)
            where v.yes group by 1, 2, 3 order by 1, 2, 3
            on conflict (centre_id, month, step) do update set n = c.n + excluded.n)
        insert into reporting_funnel_days as d (centre_id, month, kind, days, n)
        select l.centre_id, l.month, v.kind, v.days, sum(l.sign) from l cross join lateral (values
            (1, l.released_on - l.request_date), (2, l.first_on - l.released_on), (3, l.pact_on - l.first_on),
            (4, l.hired_on - coalesce(l.pact_on, l.first_on))) v (kind, days)
        where v.days is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (centre_id, month, kind, days) do update set n = d.n + excluded.n;
    elsif TG_OP = 'DELETE' then
        with l as (
            select centre_id, date_trunc('month', request_date)::date as month, request_date, released_on, first_on,
                pact_on, hired_on, -1 as sign
            from removed where centre_id is not null),
        c as (
            insert into reporting_funnel_count as c (centre_id, month, step, n)
            select l.centre_id, l.month, v.step, sum(l.sign) from l cross join lateral (values (1, true),
                (2, l.released_on is not null), (3, l.first_on is not null), (4, l.pact_on is not null),
                (5, l.hired_on is not null)) v (step, yes)
            where v.yes group by 1, 2, 3 order by 1, 2, 3
            on conflict (centre_id, month, step) do update set n = c.n + excluded.n)
        insert into reporting_funnel_days as d (centre_id, month, kind, days, n)
        select l.centre_id, l.month, v.kind, v.days, sum(l.sign) from l cross join lateral (values
            (1, l.released_on - l.request_date), (2, l.first_on - l.released_on), (3, l.pact_on - l.first_on),
            (4, l.hired_on - coalesce(l.pact_on, l.first_on))) v (kind, days)
        where v.days is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (centre_id, month, kind, days) do update set n = d.n + excluded.n;
    else
        with l as (
            select centre_id, date_trunc('month', request_date)::date as month, request_date, released_on, first_on,
                pact_on, hired_on, 1 as sign
            from added where centre_id is not null
            union all
            select centre_id, date_trunc('month', request_date)::date, request_date, released_on, first_on,
                pact_on, hired_on, -1
            from removed where centre_id is not null),
        c as (
            insert into reporting_funnel_count as c (centre_id, month, step, n)
            select l.centre_id, l.month, v.step, sum(l.sign) from l cross join lateral (values (1, true),
                (2, l.released_on is not null), (3, l.first_on is not null), (4, l.pact_on is not null),
                (5, l.hired_on is not null)) v (step, yes)
            where v.yes group by 1, 2, 3 having sum(l.sign) <> 0 order by 1, 2, 3
            on conflict (centre_id, month, step) do update set n = c.n + excluded.n)
        insert into reporting_funnel_days as d (centre_id, month, kind, days, n)
        select l.centre_id, l.month, v.kind, v.days, sum(l.sign) from l cross join lateral (values
            (1, l.released_on - l.request_date), (2, l.first_on - l.released_on), (3, l.pact_on - l.first_on),
            (4, l.hired_on - coalesce(l.pact_on, l.first_on))) v (kind, days)
        where v.days is not null group by 1, 2, 3, 4 having sum(l.sign) <> 0 order by 1, 2, 3, 4
        on conflict (centre_id, month, kind, days) do update set n = d.n + excluded.n;
    end if;
    return null;
end $$;

create trigger reporting_funnel_lines_added after insert on reporting_funnel_request
    referencing new table as added for each statement execute function reporting_funnel_lines_counted();
create trigger reporting_funnel_lines_changed after update on reporting_funnel_request
    referencing old table as removed new table as added for each statement
    execute function reporting_funnel_lines_counted();
create trigger reporting_funnel_lines_removed after delete on reporting_funnel_request
    referencing old table as removed for each statement execute function reporting_funnel_lines_counted();

-- Recomputes these requests' lines (pathways, appointments and pacts: written a few rows at a time).
-- Two writers of one request's line wait for one another (the line is locked first, in order of
-- request), so the second recount, taken after the wait, sees the first's change.
create function reporting_funnel_refresh(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from reporting_funnel_request where request_id in (select unnest(ids)) order by request_id for update;
    update reporting_funnel_request t set centre_id = x.centre_id, request_date = x.request_date,
        released_on = x.released_on, first_on = x.first_on, pact_on = x.pact_on, hired_on = x.hired_on,
        in_pathway = x.in_pathway
    from (
        select r.id, r.competent_centre_id as centre_id, r.request_date,
            case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
                 then coalesce(r.decision_date, r.status_date) end as released_on,
            (select min((a.starts_at at time zone 'Europe/Rome')::date) from agenda_appointment a
             where a.request_id = r.id and a.purpose = 'FIRST' and a.status = 'HELD') as first_on,
            (select min(k.signed_on) from pathway_pact k where k.pathway_id = p.id and k.signed_on is not null)
                as pact_on,
            case when p.outcome = 'HIRED' then p.closed_on end as hired_on, p.id is not null as in_pathway
        from requests_voucher_request r left join pathway_pathway p on p.request_id = r.id
        where r.id in (select unnest(ids))) x
    where t.request_id = x.id
      and (t.centre_id, t.request_date, t.released_on, t.first_on, t.pact_on, t.hired_on, t.in_pathway)
          is distinct from (x.centre_id, x.request_date, x.released_on, x.first_on, x.pact_on, x.hired_on,
              x.in_pathway);
end $$;

-- Requests (written a million at a time by the ministerial import): set-based, from the statement's rows
-- alone. A new request has no pathway, appointment or pact yet (their foreign keys name it); a changed
-- request moves only its CPI, date and release, the pathway's part read from its own line (re-read if a
-- pathway's writer changed that line meanwhile).
create function reporting_funnel_requests_added() returns trigger language plpgsql as $$
begin
    insert into reporting_funnel_request (request_id, centre_id, request_date, released_on)
    select id, competent_centre_id, request_date,
        case when status in ('RELEASED', 'BLOCKED', 'REENABLED') then coalesce(decision_date, status_date) end
    from added;
    return null;
end $$;

create function reporting_funnel_requests_changed() returns trigger language plpgsql as $$
begin
    update reporting_funnel_request t set centre_id = n.competent_centre_id, request_date = n.request_date,
        released_on = case when n.status in ('RELEASED', 'BLOCKED', 'REENABLED') or t.in_pathway
            then coalesce(n.decision_date, n.status_date) end
    from added n join removed o on o.id = n.id
    where t.request_id = n.id
      and (o.competent_centre_id, o.request_date, o.status, o.decision_date, o.status_date)
          is distinct from (n.competent_centre_id, n.request_date, n.status, n.decision_date, n.status_date)
      and (t.centre_id, t.request_date, t.released_on) is distinct from (n.competent_centre_id, n.request_date,
          case when n.status in ('RELEASED', 'BLOCKED', 'REENABLED') or t.in_pathway
              then coalesce(n.decision_date, n.status_date) end);
    return null;
end $$;

create function reporting_funnel_requests_removed() returns trigger language plpgsql as $$
begin
    delete from reporting_funnel_request t using removed o where t.request_id = o.id;
    return null;
end $$;

-- Pathways, appointments and pacts: the requests their rows name, recomputed.
create function reporting_funnel_pathways_added() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select request_id from added));
    return null;
end $$;

create function reporting_funnel_pathways_changed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select request_id from added union select request_id from removed));
    return null;
end $$;

create function reporting_funnel_pathways_removed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select request_id from removed));
    return null;
end $$;

create function reporting_funnel_appointments_added() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select distinct request_id from added where request_id is not null));
    return null;
end $$;

create function reporting_funnel_appointments_changed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select request_id from added where request_id is not null
        union select request_id from removed where request_id is not null));
    return null;
end $$;

create function reporting_funnel_appointments_removed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select distinct request_id from removed where request_id is not null));
    return null;
end $$;

create function reporting_funnel_pacts_added() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select distinct p.request_id from added k
        join pathway_pathway p on p.id = k.pathway_id));
    return null;
end $$;

create function reporting_funnel_pacts_changed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select p.request_id from pathway_pathway p
        where p.id in (select pathway_id from added union select pathway_id from removed)));
    return null;
end $$;

create function reporting_funnel_pacts_removed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select distinct p.request_id from removed k
        join pathway_pathway p on p.id = k.pathway_id));
    return null;
end $$;

create trigger reporting_funnel_requests_added after insert on requests_voucher_request
    referencing new table as added for each statement execute function reporting_funnel_requests_added();
create trigger reporting_funnel_requests_changed after update on requests_voucher_request
    referencing old table as removed new table as added for each statement
    execute function reporting_funnel_requests_changed();
create trigger reporting_funnel_requests_removed after delete on requests_voucher_request
    referencing old table as removed for each statement execute function reporting_funnel_requests_removed();
create trigger reporting_funnel_pathways_added after insert on pathway_pathway
    referencing new table as added for each statement execute function reporting_funnel_pathways_added();
create trigger reporting_funnel_pathways_changed after update on pathway_pathway
    referencing old table as removed new table as added for each statement
    execute function reporting_funnel_pathways_changed();
create trigger reporting_funnel_pathways_removed after delete on pathway_pathway
    referencing old table as removed for each statement execute function reporting_funnel_pathways_removed();
create trigger reporting_funnel_appointments_added after insert on agenda_appointment
    referencing new table as added for each statement execute function reporting_funnel_appointments_added();
create trigger reporting_funnel_appointments_changed after update on agenda_appointment
    referencing old table as removed new table as added for each statement
    execute function reporting_funnel_appointments_changed();
create trigger reporting_funnel_appointments_removed after delete on agenda_appointment
    referencing old table as removed for each statement execute function reporting_funnel_appointments_removed();
create trigger reporting_funnel_pacts_added after insert on pathway_pact
    referencing new table as added for each statement execute function reporting_funnel_pacts_added();
create trigger reporting_funnel_pacts_changed after update on pathway_pact
    referencing old table as removed new table as added for each statement
    execute function reporting_funnel_pacts_changed();
create trigger reporting_funnel_pacts_removed after delete on pathway_pact
    referencing old table as removed for each statement execute function reporting_funnel_pacts_removed();

-- The lines of the requests already there, computed as the funnel did (grouped joins, one pass); the
-- counts follow by the lines' trigger.
insert into reporting_funnel_request (request_id, centre_id, request_date, released_on, first_on, pact_on, hired_on,
    in_pathway)
with f as (
    select request_id, min((starts_at at time zone 'Europe/Rome')::date) as first_on
    from agenda_appointment where purpose = 'FIRST' and status = 'HELD' group by request_id),
k as (
    select pathway_id, min(signed_on) as pact_on from pathway_pact where signed_on is not null group by pathway_id)
select r.id, r.competent_centre_id, r.request_date,
    case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
         then coalesce(r.decision_date, r.status_date) end,
    f.first_on, k.pact_on, case when p.outcome = 'HIRED' then p.closed_on end, p.id is not null
from requests_voucher_request r left join pathway_pathway p on p.request_id = r.id
left join f on f.request_id = r.id left join k on k.pathway_id = p.id;
