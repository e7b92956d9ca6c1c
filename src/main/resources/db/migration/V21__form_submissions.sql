-- One-time tokens of the web forms that were acted upon (ADR 0018): a replayed form is refused.
create table shared_form_submission (
    token uuid primary key,
    submitted_at timestamptz not null default now()
);
create index shared_form_submission_at_ix on shared_form_submission (submitted_at);
