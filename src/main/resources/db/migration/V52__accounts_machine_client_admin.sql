-- Machine clients registered through their administration page (issue 20): who registered each one, and a
-- version so that a stale enable/disable form is refused.
alter table accounts_machine_client add column created_by varchar(100);
alter table accounts_machine_client add column version bigint not null default 0;
