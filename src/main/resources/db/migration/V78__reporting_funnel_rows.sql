-- The funnel's figures read from one kept line per request instead of joining requests, pathways,
-- appointments and pacts at every view (ADR 0037): the request's competent CPI and date, and the dates
-- of release, first appointment held, pact signed and hire, exactly as the funnel derives them. Kept
-- current by the database itself, whoever writes those tables: each statement's triggers recompute
-- only the lines of the requests it touched. Only reporting's table is written.
create table reporting_funnel_request (
    request_id bigint primary key,
    centre_id bigint,
    request_date date not null,
    released_on date,
    first_on date,
    pact_on date,
    hired_on date
);

create index reporting_funnel_request_date_ix on reporting_funnel_request (request_date);

-- Recomputes these requests' lines. Two writers of one request's line wait for one another (the line is
-- locked first, in order of request), so the second recount, taken after the wait, sees the first's change.
create function reporting_funnel_refresh(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from reporting_funnel_request where request_id = any (ids) order by request_id for update;
    delete from reporting_funnel_request f where f.request_id = any (ids)
        and not exists (select 1 from requests_voucher_request r where r.id = f.request_id);
    insert into reporting_funnel_request as t (request_id, centre_id, request_date, released_on, first_on, pact_on,
        hired_on)
    select r.id, r.competent_centre_id, r.request_date,
        case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
             then coalesce(r.decision_date, r.status_date) end,
        (select min((a.starts_at at time zone 'Europe/Rome')::date) from agenda_appointment a
         where a.request_id = r.id and a.purpose = 'FIRST' and a.status = 'HELD'),
        (select min(k.signed_on) from pathway_pact k where k.pathway_id = p.id and k.signed_on is not null),
        case when p.outcome = 'HIRED' then p.closed_on end
    from requests_voucher_request r left join pathway_pathway p on p.request_id = r.id
    where r.id = any (ids)
    on conflict (request_id) do update set centre_id = excluded.centre_id, request_date = excluded.request_date,
        released_on = excluded.released_on, first_on = excluded.first_on, pact_on = excluded.pact_on,
        hired_on = excluded.hired_on
    where (t.centre_id, t.request_date, t.released_on, t.first_on, t.pact_on, t.hired_on)
        is distinct from (excluded.centre_id, excluded.request_date, excluded.released_on, excluded.first_on,
            excluded.pact_on, excluded.hired_on);
end $$;

-- One trigger function per watched table and event; each hands over the request ids its rows name.
create function reporting_funnel_requests_added() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select id from added));
    return null;
end $$;

create function reporting_funnel_requests_removed() returns trigger language plpgsql as $$
begin
    perform reporting_funnel_refresh(array(select id from removed));
    return null;
end $$;

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
    referencing new table as added for each statement execute function reporting_funnel_requests_added();
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

-- The lines of the requests already there, computed as the funnel did (grouped joins, one pass).
insert into reporting_funnel_request (request_id, centre_id, request_date, released_on, first_on, pact_on, hired_on)
with f as (
    select request_id, min((starts_at at time zone 'Europe/Rome')::date) as first_on
    from agenda_appointment where purpose = 'FIRST' and status = 'HELD' group by request_id),
k as (
    select pathway_id, min(signed_on) as pact_on from pathway_pact where signed_on is not null group by pathway_id)
select r.id, r.competent_centre_id, r.request_date,
    case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
         then coalesce(r.decision_date, r.status_date) end,
    f.first_on, k.pact_on, case when p.outcome = 'HIRED' then p.closed_on end
from requests_voucher_request r left join pathway_pathway p on p.request_id = r.id
left join f on f.request_id = r.id left join k on k.pathway_id = p.id;
