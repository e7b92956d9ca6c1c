-- The decision letter of a rejection (provvedimento di rigetto), kept in the worker's dossier like the notice's letter.
alter table requests_voucher_request add column rejection_decision_letter_id bigint
    constraint requests_voucher_request_decision_letter_fk references documents_document (id);
