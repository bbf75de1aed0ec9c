-- When an API token was last used (to the minute), for the idle timeout; null means not since it was issued.
alter table api_token add column last_used_at timestamp with time zone;
