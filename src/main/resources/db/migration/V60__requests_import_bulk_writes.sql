-- Issue 21, ADR 0036: what a million-row ministerial list pays for on every row it writes.
-- Two indexes duplicate the leading column of another index and only cost writes:
-- (worker_id) is the head of the unique (worker_id, request_date); (competent_centre_id) the head of
-- requests_voucher_request_open_ix (competent_centre_id, status, request_date).
drop index if exists requests_voucher_request_worker_ix;
drop index if exists requests_voucher_request_centre_ix;

-- Columns only the importer writes, with the id of the import it created in the same transaction, and
-- imports are never deleted: their foreign keys cost a lookup and a row lock per row written (about 5 s
-- per million each) and could never fail. The snapshot's entries are written only by the importer, from
-- the requests it has just written or found, keyed by (import, request); neither imports nor requests
-- are ever deleted (nothing in the application deletes them; retention pseudonymises workers).
alter table requests_voucher_request drop constraint if exists requests_voucher_request_first_import_id_fkey,
    drop constraint if exists requests_voucher_request_last_import_id_fkey;
alter table requests_snapshot_entry drop constraint if exists requests_snapshot_entry_import_id_fkey,
    drop constraint if exists requests_snapshot_entry_request_id_fkey;
