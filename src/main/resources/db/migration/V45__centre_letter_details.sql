-- What a CPI's letters print in their letterhead: its address (the first office's when blank) and the
-- officer responsible for its procedures (art. 5 L. 241/1990; a blank line to fill when none is set).
alter table network_job_centre add column address varchar(300);
alter table network_job_centre add column responsible_officer varchar(200);
