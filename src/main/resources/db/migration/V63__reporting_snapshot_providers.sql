-- The providers chosen by the requesters of a ministerial list, counted with the list's other counts
-- (ADR 0013, ADR 0037): per list, competent CPI of the entry, provider type, office and the name the
-- list gives. The office's and CPI's names are joined when read, so a renamed office shows its new name.
-- A request's provider can change after the import: the trigger moves that request from its old
-- provider's count to the new one in every counted list it is in. Only reporting's tables are written.
create table reporting_snapshot_provider (
    import_id bigint not null references requests_import (id) on delete cascade,
    competent_centre_id bigint not null,
    provider_type varchar(10),
    provider_office_id bigint,
    provider_label varchar(200),
    requests bigint not null,
    constraint reporting_snapshot_provider_uk unique nulls not distinct
        (import_id, competent_centre_id, provider_type, provider_office_id, provider_label)
);

-- The counting of a list (SnapshotCounts) takes the same lock exclusively: a provider changed while a list
-- is being counted is either in the count or moved by this trigger, never lost nor moved twice.
create function reporting_provider_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(hashtext('reporting_snapshot_counts'));
    insert into reporting_snapshot_provider as p (import_id, competent_centre_id, provider_type, provider_office_id,
        provider_label, requests)
    select e.import_id, e.competent_centre_id, v.provider_type, v.provider_office_id, v.provider_label, v.requests
    from reporting_snapshot_counted c
    join requests_snapshot_entry e on e.import_id = c.import_id and e.request_id = new.id
    cross join (values
        (old.provider_type, old.provider_office_id,
            cast(coalesce(nullif(trim(old.provider_name), ''), nullif(trim(old.provider_office), '')) as varchar(200)),
            -1),
        (new.provider_type, new.provider_office_id,
            cast(coalesce(nullif(trim(new.provider_name), ''), nullif(trim(new.provider_office), '')) as varchar(200)),
            1)) v (provider_type, provider_office_id, provider_label, requests)
    on conflict on constraint reporting_snapshot_provider_uk do update set requests = p.requests + excluded.requests;
    return null;
end $$;

-- Fires only when the provider as the report names it changed (checked without calling the function).
create trigger reporting_provider_changed after update of provider_type, provider_name, provider_office,
    provider_office_id on requests_voucher_request
    for each row when ((old.provider_type, old.provider_office_id,
            coalesce(nullif(trim(old.provider_name), ''), nullif(trim(old.provider_office), '')))
        is distinct from (new.provider_type, new.provider_office_id,
            coalesce(nullif(trim(new.provider_name), ''), nullif(trim(new.provider_office), ''))))
    execute function reporting_provider_changed();

insert into reporting_snapshot_provider (import_id, competent_centre_id, provider_type, provider_office_id,
    provider_label, requests)
select e.import_id, e.competent_centre_id, r.provider_type, r.provider_office_id,
    coalesce(nullif(trim(r.provider_name), ''), nullif(trim(r.provider_office), '')), count(*)
from reporting_snapshot_counted c join requests_snapshot_entry e on e.import_id = c.import_id
join requests_voucher_request r on r.id = e.request_id
group by 1, 2, 3, 4, 5;
