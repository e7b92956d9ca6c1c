-- Matching's stored terms (ADR 0038): what the score reads of each open offer and of each worker, kept in
-- compact rows of the vacancies module so that ranking reads them instead of computing them on every request.

-- The contract part of the score (Matching): one definition for the stored offers and the single offer ranked.
create function vacancies_contract_points(contract_type text, contract_months int) returns int
language sql immutable parallel safe as $$
    select case when contract_type in ('PERMANENT', 'APPRENTICESHIP') then 10
                when contract_type in ('FIXED_TERM', 'AGENCY') and contract_months >= 6 then 8
                when contract_type in ('FIXED_TERM', 'AGENCY') and contract_months >= 3 then 6
                when contract_type is null then 3
                else 0 end
$$;

-- One row per offer open or in selection (the ranked set), written by a trigger on every write of the board;
-- the coordinates of the workplace are asked of the places module by Matching and kept (located = true).
create table vacancies_offer_terms (
    vacancy_id bigint primary key references vacancies_vacancy (id) on delete cascade,
    arrived_on date not null,
    centre_id bigint,
    municipality varchar(100),
    province varchar(2),
    profession_prefixes text[] not null,
    skill_terms text[] not null,
    area_terms text[] not null,
    contract_points int not null,
    located boolean not null default false,
    latitude double precision,
    longitude double precision
);
create index vacancies_offer_terms_unlocated_ix on vacancies_offer_terms (vacancy_id) where not located;

create function vacancies_offer_terms_keep() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from vacancies_offer_terms where vacancy_id = old.id;
        return old;
    end if;
    if new.status not in ('OPEN', 'IN_SELECTION') then
        delete from vacancies_offer_terms where vacancy_id = new.id;
        return new;
    end if;
    insert into vacancies_offer_terms as t (vacancy_id, arrived_on, centre_id, municipality, province,
        profession_prefixes, skill_terms, area_terms, contract_points)
    values (new.id, new.arrived_on, new.centre_id, new.workplace_municipality, new.workplace_province,
        new.profession_prefixes, new.skill_terms, new.area_terms,
        vacancies_contract_points(new.contract_type, new.contract_months))
    on conflict (vacancy_id) do update set arrived_on = excluded.arrived_on, centre_id = excluded.centre_id,
        municipality = excluded.municipality, province = excluded.province,
        profession_prefixes = excluded.profession_prefixes, skill_terms = excluded.skill_terms,
        area_terms = excluded.area_terms, contract_points = excluded.contract_points,
        -- a workplace moved is located again
        located = t.located and t.municipality is not distinct from excluded.municipality
            and t.province is not distinct from excluded.province,
        latitude = case when t.municipality is not distinct from excluded.municipality
            and t.province is not distinct from excluded.province then t.latitude end,
        longitude = case when t.municipality is not distinct from excluded.municipality
            and t.province is not distinct from excluded.province then t.longitude end;
    return new;
end
$$;

create trigger vacancies_offer_terms_keep_tg
    after insert or delete or update of status, arrived_on, centre_id, workplace_municipality, workplace_province,
        profession_code, skills, profile, economic_area, contract_type, contract_months
    on vacancies_vacancy for each row execute function vacancies_offer_terms_keep();

-- The offers already on the board (located on the first matching).
insert into vacancies_offer_terms (vacancy_id, arrived_on, centre_id, municipality, province, profession_prefixes,
    skill_terms, area_terms, contract_points)
select id, arrived_on, centre_id, workplace_municipality, workplace_province, profession_prefixes, skill_terms,
    area_terms, vacancies_contract_points(contract_type, contract_months)
from vacancies_vacancy where status in ('OPEN', 'IN_SELECTION');

-- One row per worker matched, copied from the register's WorkerProfile (workers module, public API) and the places
-- module's coordinates of the residence: written by Matching when a worker it ranks has none, dropped in the
-- register's transaction when the worker changes (WorkerProfileChanged) or is pseudonymised (WorkerDataExpired).
create table vacancies_worker_terms (
    worker_id bigint primary key,
    tax_code text not null,
    name text not null,
    municipality text,
    centre_id bigint,
    latitude double precision,
    longitude double precision,
    prefixes text[] not null,
    terms text[] not null,
    complete boolean not null
);
