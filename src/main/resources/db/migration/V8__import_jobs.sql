-- Imports of large files run in the background; their progress is kept here so that any node can show it.
create table requests_import_job (
    id uuid primary key,
    started_by varchar(60) not null,
    started_at timestamptz not null,
    updated_at timestamptz not null,
    file_name varchar(255) not null,
    snapshot_date date,
    phase varchar(20) not null,
    rows_read int not null default 0,
    import_id bigint references requests_import (id),
    error varchar(1000)
);
