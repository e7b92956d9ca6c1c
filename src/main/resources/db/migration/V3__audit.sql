-- The audit trail is append-only: each row carries the hash of the previous one, and the
-- database refuses updates, deletes and truncation.
create table audit_entry (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor varchar(100) not null,
    action varchar(60) not null,
    record_type varchar(60) not null default '',
    record_id varchar(60) not null default '',
    details text not null default '',
    prev_hash char(64) not null,
    hash char(64) not null
);
create index audit_entry_actor_ix on audit_entry (actor);
create index audit_entry_record_ix on audit_entry (record_type, record_id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
