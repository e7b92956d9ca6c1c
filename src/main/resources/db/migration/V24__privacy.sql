-- Personal data goes no further, and stays no longer, than it must (ADR 0020).

-- Delivered events are deleted from now on (spring.modulith.events.completion-mode=delete); those already kept go.
delete from event_publication where completion_date is not null;

-- A worker whose data passed its retention period is pseudonymised: the date it happened.
alter table workers_worker add column pseudonymised_at timestamptz;
