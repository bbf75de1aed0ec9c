-- Rankings count the reports filed per reporting period across all tasks at once.
create index progress_report_period_idx on progress_report (period, task_id, submitted_at);
