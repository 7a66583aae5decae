-- The root AuditAnchor holds for each anchored range, read once (when the range is confirmed, or by
-- the first proof that needs it), so a public trace view checks its proofs without an RPC call.
alter table audit_anchors add column chain_root text;

-- The distinct clients that viewed a batch's trace page each hour, as a keyed hash of the address a
-- trusted proxy gave (never the address): the cloned-label rule counts these, not raw views, so one
-- visitor reloading or forging headers cannot raise it. Pruned after a day.
create table trace_scan_clients (
  batch_id bigint not null references batches (id),
  hour timestamptz not null,
  client text not null,
  primary key (batch_id, hour, client)
);
create index trace_scan_clients_hour_idx on trace_scan_clients (hour);
