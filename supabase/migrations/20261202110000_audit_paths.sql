-- Each anchored record's Merkle path, stored with its anchor when the root is sent: a proof (the
-- trace page, GET /api/audit/{record_id}/proof) reads one row instead of rebuilding its range's tree
-- of up to 5,000 leaves on every view.
create table audit_paths (
  anchor_id bigint not null references audit_anchors (id) on delete cascade,
  position bigint not null,
  path jsonb not null,
  primary key (anchor_id, position)
);

alter table audit_paths enable row level security;
