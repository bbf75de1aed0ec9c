-- Rankings count the milestones due in a period per task with whether they were on time,
-- read from the index alone.
create index milestone_due_task_idx on milestone (due_date, task_id, completed_on);
