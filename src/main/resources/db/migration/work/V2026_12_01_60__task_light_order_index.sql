-- The overdue list pages through a light's tasks in deadline order: with the id in the index,
-- the pages before the one asked for are skipped in the index alone.
create index task_light_deadline_id_idx on task (light, deadline, id);
drop index task_light_idx;
