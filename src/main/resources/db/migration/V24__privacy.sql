-- Personal data goes no further, and stays no longer, than it must (ADR 0020).

-- Delivered events are deleted from now on (spring.modulith.events.completion-mode=delete); those already kept go.
delete from event_publication where completion_date is not null;

-- A worker whose data passed its retention period is pseudonymised: the date it happened.
alter table workers_worker add column pseudonymised_at timestamptz;

-- How long personal data is kept: parameters with validity dates, to be confirmed by the regional agency.
insert into parameters_value (parameter, value, valid_from, legal_source) values
    ('RETENTION_CASE_MONTHS', '120', date '2015-09-24', 'da confermare con l''agenzia regionale: conservazione dei documenti delle operazioni cofinanziate dal FSE (Reg. UE 1303/2013 art. 140, Reg. UE 2021/1060 art. 82) e prescrizione decennale'),
    ('RETENTION_NO_REQUEST_MONTHS', '24', date '2015-09-24', 'da confermare con l''agenzia regionale'),
    ('RETENTION_MAIL_LOG_MONTHS', '12', date '2015-09-24', 'da confermare con l''agenzia regionale');
