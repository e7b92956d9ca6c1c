-- The worker's contact preferences, set from their own pages (ADR 0040): whether reminders and notices may
-- reach them by e-mail (the phone number stays in the existing column).
alter table workers_worker add column email_allowed boolean not null default true;
