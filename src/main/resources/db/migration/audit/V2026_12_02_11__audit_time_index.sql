-- Exports read the trail by the time of its events (the days an auditor asks for).
create index audit_event_at_idx on audit_event (at, seq);
