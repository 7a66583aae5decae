// What an audit record's hash covers, in one place: the server hashes it with node:crypto
// (lib/audit/record.ts) and the proof verifier, in the browser too, with viem's sha256.

/** JSON with keys sorted at every level, as Postgres jsonb gives them back in its own order. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(",")}}`;
}

export type HashedFields = {
  prevHash: string;
  position: number;
  entity: string;
  entityId: string;
  batchId: number | null;
  action: string;
  actorKind: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
  txHash: string | null;
  note: string | null;
  createdAt: Date;
};

/** The exact text a record's sha256 hash is taken over. */
export function recordContent(r: HashedFields): string {
  return canonical([
    r.prevHash,
    r.position,
    r.entity,
    r.entityId,
    r.batchId,
    r.action,
    r.actorKind,
    r.actorId,
    r.before,
    r.after,
    r.txHash,
    r.note,
    r.createdAt.toISOString(),
  ]);
}
