// A record's Merkle proof: the record, its leaf, the path to the anchored root, and the anchor
// (range, transaction, block). Worker-safe (no "server-only"); the route and the trace page use it.
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { Hex } from "viem";

import { ApiError } from "@/lib/api/errors";
import { everything, type Scope } from "@/lib/auth/scope";
import { batchIdsInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { auditAnchors, auditRecords } from "@/lib/db/schema";

import { leafHash, merkleProof, rootFromProof } from "./merkle";
import { keptPaths, rangeLeaves } from "./paths";
import { confirmedAnchors, type AnchorTarget } from "./target";
import type { Proof } from "./verify";

export function toRecordJson(r: typeof auditRecords.$inferSelect) {
  return {
    position: r.position,
    entity: r.entity,
    entity_id: r.entityId,
    batch_id: r.batchId,
    action: r.action,
    actor_kind: r.actorKind,
    actor_id: r.actorId,
    before: r.before,
    after: r.after,
    tx_hash: r.txHash,
    note: r.note,
    created_at: r.createdAt.toISOString(),
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** The confirmed anchors of this contract covering positions `from`–`to`. */
export function anchorsCovering(db: Db, target: AnchorTarget, from: number, to: number) {
  return db
    .select()
    .from(auditAnchors)
    .where(and(confirmedAnchors(target), lte(auditAnchors.fromPosition, to), gte(auditAnchors.toPosition, from)))
    .orderBy(asc(auditAnchors.fromPosition));
}

/** An anchor's leaves, built once per caller: for anchors whose paths were not kept. */
async function leavesOf(
  db: Db,
  anchor: { id: number; fromPosition: number; toPosition: number },
  cache: Map<number, Hex[]>,
) {
  let leaves = cache.get(anchor.id);
  if (!leaves) {
    leaves = (await rangeLeaves(db, anchor.fromPosition, anchor.toPosition)).map((r) => leafHash(r.position, r.hash));
    cache.set(anchor.id, leaves);
  }
  return leaves;
}

export type AnchorRow = typeof auditAnchors.$inferSelect;
type RecordRow = typeof auditRecords.$inferSelect;

/**
 * The proofs of records already read, against the anchors covering them (`anchorsCovering`): their
 * kept paths in one query; a path that was not kept is built from its range's leaves, once per anchor.
 */
export async function proofsOf(
  db: Db,
  target: AnchorTarget,
  records: RecordRow[],
  anchors: AnchorRow[],
): Promise<Map<number, Proof>> {
  const anchorOf = (position: number) => anchors.find((a) => a.fromPosition <= position && position <= a.toPosition);
  const anchored = records.filter((r) => anchorOf(r.position));
  const kept = await keptPaths(
    db,
    anchored.map((r) => ({ anchorId: anchorOf(r.position)!.id, position: r.position })),
  );
  const leavesByAnchor = new Map<number, Hex[]>();
  const proofs = new Map<number, Proof>();
  for (const record of records) {
    const { position } = record;
    const leaf = leafHash(position, record.hash);
    const base = {
      position,
      hash: record.hash,
      record: toRecordJson(record),
      leaf,
      chain_id: target.chainId,
      contract_address: target.address,
    };
    const anchor = anchorOf(position);
    if (!anchor) {
      proofs.set(position, { ...base, path: [], root: null, anchor: null });
      continue;
    }
    const path =
      kept.get(position) ?? merkleProof(await leavesOf(db, anchor, leavesByAnchor), position - anchor.fromPosition);
    proofs.set(position, {
      ...base,
      path,
      // The root the record gives: the anchored one unless the record was changed since.
      root: rootFromProof(leaf, path),
      anchor: {
        anchor_index: anchor.anchorIndex!,
        from_position: anchor.fromPosition,
        to_position: anchor.toPosition,
        root: anchor.root as `0x${string}`,
        tx_hash: anchor.txHash!,
        block_number: anchor.blockNumber!,
      },
    });
  }
  return proofs;
}

/** The proof for record `position` (the record id the contract knows); 404 for a record the log does not have. */
/** Outside `scope` (a record of another organisation's batch, or of no batch): 404 as for none. */
export async function getProof(
  db: Db,
  target: AnchorTarget,
  position: number,
  scope: Scope = everything,
): Promise<Proof> {
  const inScope = scope.kind === "all" ? undefined : sql`${auditRecords.batchId} in ${batchIdsInScope(scope)}`;
  const [record] = await db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.position, position), inScope));
  if (!record) throw new ApiError("not_found", `There is no audit record ${position}.`);
  const anchors = await anchorsCovering(db, target, position, position);
  return (await proofsOf(db, target, [record], anchors)).get(position)!;
}
