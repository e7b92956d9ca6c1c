-- One ministerial list import running at a time for a snapshot date, whichever node started it.
create unique index requests_import_job_running_uk on requests_import_job (snapshot_date)
    where phase in ('READING', 'WRITING');
