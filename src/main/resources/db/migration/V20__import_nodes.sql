-- Each application node beats every few seconds; a background import belongs to its node, and a
-- job whose node stopped beating (killed, crashed) is over: its transaction was rolled back.
create table requests_node (
    id uuid primary key,
    last_seen timestamptz not null
);
alter table requests_import_job add column node_id uuid;
