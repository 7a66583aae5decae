-- Rate-limit counters are written on every API-key call and sign-in attempt. As a logged table each
-- hit waited for its commit to reach the disk (about 10 ms here), so key calls cost more than session
-- calls. Unlogged, a hit commits without that wait; after a database crash the counters start over
-- (the windows are a minute to an hour long), which is all a rate limit loses.
alter table rate_limits set unlogged;
