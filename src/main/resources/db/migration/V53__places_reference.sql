-- Reference data of the places module (ADR 0032): every cadastral code of Italian municipalities, also the ceased
-- ones, and of foreign states, loaded at start-up from src/main/resources/reference/municipalities.csv.gz, reloaded
-- whole when the file's checksum changes.
create table places_municipality (
    code char(4) primary key,
    name varchar(200) not null,
    search_name varchar(200) not null,
    province varchar(2),
    istat_code varchar(6),
    region varchar(100),
    valid_from date not null,
    valid_to date,
    latitude double precision,
    longitude double precision,
    constraint places_municipality_coordinates_ck check ((latitude is null) = (longitude is null))
);
create index places_municipality_search_ix on places_municipality (search_name) where valid_to is null;

create table places_reference_load (
    resource varchar(200) primary key,
    checksum varchar(64) not null,
    row_count integer not null,
    loaded_at timestamp with time zone not null
);
