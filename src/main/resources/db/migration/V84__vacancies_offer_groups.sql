-- Matching's kept groups of the board (ADR 0038, third pass): the open offers counted by what the ranking's first
-- pass reads of them (classification code, workplace, contract points). A ranking finds the page's cut from these
-- counts (a few hundred rows where the board has tens of thousands of offers) and then reads only the offers of the
-- groups that can reach it, and those sharing a term with the worker. Kept by triggers on the offers' terms, which
-- are themselves kept by a trigger on the board (V76): nothing in Java writes them.
create table vacancies_offer_group (
    code_id int not null,          -- 0: the offer states no classification code
    place_id int not null,
    contract_points int not null,
    offers int not null,
    primary key (code_id, place_id, contract_points)
);

-- The offers of a group, read by the ranking after the cut.
create index vacancies_offer_terms_group_ix on vacancies_offer_terms ((coalesce(code_id, 0)), place_id, contract_points);

create function vacancies_offer_group_keep() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update vacancies_offer_group set offers = offers - 1
        where code_id = coalesce(old.code_id, 0) and place_id = old.place_id and contract_points = old.contract_points;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into vacancies_offer_group as g (code_id, place_id, contract_points, offers)
        values (coalesce(new.code_id, 0), new.place_id, new.contract_points, 1)
        on conflict (code_id, place_id, contract_points) do update set offers = g.offers + 1;
    end if;
    return null;
end
$$;

create trigger vacancies_offer_group_count_tg
    after insert or delete on vacancies_offer_terms for each row execute function vacancies_offer_group_keep();
-- An offer's terms are written again on every change of the board's row: only a change of group moves a count.
create trigger vacancies_offer_group_move_tg
    after update of code_id, place_id, contract_points on vacancies_offer_terms for each row
    when (old.code_id is distinct from new.code_id or old.place_id is distinct from new.place_id
        or old.contract_points is distinct from new.contract_points)
    execute function vacancies_offer_group_keep();

insert into vacancies_offer_group (code_id, place_id, contract_points, offers)
select coalesce(code_id, 0), place_id, contract_points, count(*) from vacancies_offer_terms group by 1, 2, 3;
