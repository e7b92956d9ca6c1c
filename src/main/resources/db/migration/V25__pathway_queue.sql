-- The provider CPI's queue of released requests, kept by pathway itself from the requests' events
-- (VoucherRequestReleased, VoucherRequestChanged, VoucherRequestsImported): no join on the requests' tables.
create table pathway_queue (
    request_id bigint primary key,
    worker_id bigint not null,
    office_id bigint not null,
    centre_id bigint not null,
    released_on date not null
);
create index pathway_queue_office_ix on pathway_queue (office_id, released_on, request_id);

-- Backfill: the requests released to a CPI office before this version, unless their pathway has started.
insert into pathway_queue (request_id, worker_id, office_id, centre_id, released_on)
select r.id, r.worker_id, r.provider_office_id, r.competent_centre_id, r.status_date
from requests_voucher_request r
where r.status = 'RELEASED' and r.provider_type = 'CPI' and r.provider_office_id is not null
  and not exists (select 1 from pathway_pathway p where p.request_id = r.id and p.started_on is not null);
