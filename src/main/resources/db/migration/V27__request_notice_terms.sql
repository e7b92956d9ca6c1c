-- Issue 18, the request side: the notice of rejection (art. 10-bis L. 241/1990) counted from its receipt,
-- the decision term interrupted or suspended by the notice's date, notices brought by the ministerial list,
-- the first import that brought a request (its competent CPI is mailed once), the NASpI check's months.
alter table requests_voucher_request
    add column rejection_notice_from_list boolean not null default false,
    add column rejection_notice_received_on date,
    add column decision_deadline date,
    add column first_import_id bigint references requests_import (id);

-- A notice already sent: its deadline as the old rule stored it, until the next act recomputes it.
update requests_voucher_request set decision_deadline = observation_deadline + days_left_at_rejection_notice
where observation_deadline is not null and days_left_at_rejection_notice is not null;
-- A notice the list brought has no letter of ours: its date is the list's, or the page asks for it.
update requests_voucher_request set rejection_notice_from_list = true
where status = 'NOTICE_OF_REJECTION' and rejection_notice_letter_id is null;

create index requests_voucher_request_first_import_ix on requests_voucher_request (first_import_id, id)
    where first_import_id is not null;

-- The NASpI check: the start of unemployment it was computed from and whether the months required were exceeded.
alter table requests_check
    add column unemployed_since date,
    add column naspi_months_met boolean;
