-- A calendar feed serves only while the person it speaks for keeps their access: its creator is kept by id
-- (a username may be reused), and each feed says whether it shows workers' full names or only their initials.
alter table pathway_calendar_feed add column created_by_user_id bigint;
update pathway_calendar_feed f set created_by_user_id = u.id from accounts_user u where u.username = f.created_by;
-- A feed whose creator no longer exists has no one it could speak for.
update pathway_calendar_feed set revoked_at = now() where created_by_user_id is null and revoked_at is null;
update pathway_calendar_feed set created_by_user_id = 0 where created_by_user_id is null;
alter table pathway_calendar_feed alter column created_by_user_id set not null;
alter table pathway_calendar_feed add column full_names boolean not null default false;
