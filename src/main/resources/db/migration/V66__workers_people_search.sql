-- People search (issue 21, ADR 0039): accent- and case-insensitive fragments of name, surname or codice fiscale.
-- Both extensions ship with PostgreSQL (contrib) and are trusted: no superuser needed.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (it reads a dictionary found by search_path), so it cannot feed a generated column or
-- an index. With the dictionary and every function named by schema the result depends on the argument alone:
-- declaring the wrapper IMMUTABLE is then true, and holds in a dump restored with an empty search_path.
create function workers_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- What a search reads: surname, name and codice fiscale, folded once when the row is written (a stored column, so
-- that the index's recheck reads it instead of unaccenting every candidate row again).
alter table workers_worker add column search_text text generated always as
    (workers_fold(coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' ' || tax_code)) stored;
