-- The seed's table per ministerial list, counted once per import (a list never changes once
-- imported): the monitoring and its trends read these few rows instead of counting the entries.
create table reporting_snapshot_counted (
    import_id bigint primary key references requests_import (id) on delete cascade,
    counted_at timestamptz not null
);

create table reporting_snapshot_count (
    import_id bigint not null references requests_import (id) on delete cascade,
    competent_centre_id bigint not null,
    status varchar(30) not null,
    requests bigint not null,
    constraint reporting_snapshot_count_pk primary key (import_id, competent_centre_id, status)
);
