// Walks audit records in position order and says where the hash chain first fails, and why.
import { asc, gt } from "drizzle-orm";

import { genesisHash, hashRecord } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { auditRecords } from "@/lib/db/schema";

export type ChainBreak = { position: number; reason: string };

type Row = typeof auditRecords.$inferSelect;

/**
 * The first record that was changed behind the log's back: its content no longer gives its hash,
 * or its hash was rewritten (the next record still links to the original), or records are missing.
 */
export function findBreak(
  rows: Row[],
  prev: { position: number; hash: string },
): (ChainBreak & { index: number }) | null {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const expected = (i === 0 ? prev.position : rows[i - 1].position) + 1;
    const prevHash = i === 0 ? prev.hash : rows[i - 1].hash;
    if (r.position !== expected)
      return { position: expected, reason: `records ${expected}–${r.position - 1} are missing`, index: i };
    if (hashRecord(r) !== r.hash)
      return {
        position: r.position,
        reason: `record ${r.position}'s content no longer matches its hash (it was edited)`,
        index: i,
      };
    if (r.prevHash !== prevHash) {
      if (i === 0 && prev.position === 0)
        return { position: r.position, reason: `record 1 does not start from the genesis hash`, index: i };
      return {
        position: r.position - 1,
        reason: `record ${r.position - 1}'s hash was rewritten: record ${r.position} still links to ${r.prevHash.slice(0, 12)}…`,
        index: i,
      };
    }
  }
  return null;
}

/** Records after `position`, `limit` at most, oldest first. */
export function recordsAfter(db: Db, position: number, limit: number): Promise<Row[]> {
  return db
    .select()
    .from(auditRecords)
    .where(gt(auditRecords.position, position))
    .orderBy(asc(auditRecords.position))
    .limit(limit);
}

/** The record at `position` as the link the next one must carry (the genesis hash before record 1). */
export async function linkAt(db: Db, position: number): Promise<{ position: number; hash: string }> {
  if (position === 0) return { position: 0, hash: genesisHash };
  const [row] = await recordsAfter(db, position - 1, 1);
  if (!row || row.position !== position) throw new Error(`audit record ${position} is missing`);
  return { position, hash: row.hash };
}
