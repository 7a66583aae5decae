-- A verifier's note on the count is kept apart from the requester's note, so each is shown under its author.
alter table verification_requests add column process_notes text;
