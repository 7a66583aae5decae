// Each anchored record's Merkle path, kept with its anchor: computed once when the root is sent (and,
// for anchors confirmed before paths were kept, by the anchoring job), read by every proof, so a
// proof costs the same whatever the size of its range or of the log. Worker-safe (no "server-only").
import { and, asc, between, eq, inArray, notExists } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";
import { auditAnchors, auditPaths, auditRecords } from "@/lib/db/schema";

import { leafHash, merklePaths, type ProofStep } from "./merkle";
import { confirmedAnchors, type AnchorTarget } from "./target";

type Leaf = { position: number; hash: string };

/** The records `from`–`to`, in position order: the leaves of their anchor's tree. */
export const rangeLeaves = (db: Db | Tx, from: number, to: number): Promise<Leaf[]> =>
  db
    .select({ position: auditRecords.position, hash: auditRecords.hash })
    .from(auditRecords)
    .where(between(auditRecords.position, from, to))
    .orderBy(asc(auditRecords.position));

/** Keeps the paths of an anchor's records (its leaves, in the order the tree was built from). */
export async function storePaths(db: Db | Tx, anchorId: number, leaves: Leaf[]) {
  const paths = merklePaths(leaves.map((r) => leafHash(r.position, r.hash)));
  const rows = leaves.map((r, i) => ({ anchorId, position: r.position, path: paths[i] }));
  for (let i = 0; i < rows.length; i += 1_000)
    await db
      .insert(auditPaths)
      .values(rows.slice(i, i + 1_000))
      .onConflictDoNothing();
}

/** The kept paths of these records in their anchors' trees, by position; a record with none kept is missing. */
export async function keptPaths(
  db: Db,
  records: { anchorId: number; position: number }[],
): Promise<Map<number, ProofStep[]>> {
  if (!records.length) return new Map();
  const positions = records.map((r) => r.position);
  const rows = await db
    .select({ anchorId: auditPaths.anchorId, position: auditPaths.position, path: auditPaths.path })
    .from(auditPaths)
    .where(inArray(auditPaths.position, positions));
  const wanted = new Set(records.map((r) => `${r.anchorId}:${r.position}`));
  return new Map(
    rows.filter((r) => wanted.has(`${r.anchorId}:${r.position}`)).map((r) => [r.position, r.path as ProofStep[]]),
  );
}

/** Keeps the paths of this contract's confirmed anchors that have none; answers how many anchors. */
export async function storeMissingPaths(db: Db, target: AnchorTarget): Promise<number> {
  const anchors = await db
    .select({ id: auditAnchors.id, from: auditAnchors.fromPosition, to: auditAnchors.toPosition })
    .from(auditAnchors)
    .where(
      and(
        confirmedAnchors(target),
        notExists(db.select().from(auditPaths).where(eq(auditPaths.anchorId, auditAnchors.id))),
      ),
    );
  for (const a of anchors) await storePaths(db, a.id, await rangeLeaves(db, a.from, a.to));
  return anchors.length;
}
