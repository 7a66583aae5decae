-- System alerts are resolved by an admin with a note, as batch alerts are (the System alerts page).
alter table system_alerts
  add column resolved_by bigint references users (id),
  add column resolution_note text constraint system_alerts_resolution_note_check check (length(resolution_note) between 3 and 500);
