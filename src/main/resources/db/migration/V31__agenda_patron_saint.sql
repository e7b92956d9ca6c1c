-- Issue 18: national holidays are closed in every agenda (computed, no rows); each office adds its
-- patron saint, an annual closure on a day of a month.
create table agenda_patron_saint (
    office_id bigint primary key references network_office (id),
    saint varchar(100) not null,
    month int not null,
    day int not null,
    created_by varchar(60) not null,
    created_at timestamptz not null,
    constraint agenda_patron_saint_day_ck check (month between 1 and 12 and day between 1 and 31)
);
