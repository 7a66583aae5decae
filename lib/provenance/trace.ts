// A batch's public story for /trace/{batch_code}: the steps a buyer cares about, each with its date,
// place, transaction and proof, and nothing private (no prices, people, wallets or notes). Proofs
// are checked against each anchor's root as kept in audit_anchors.chain_root, so a view costs no
// RPC call once the root is kept (the chain never changes an anchored root).
import "server-only";

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Hex, PublicClient } from "viem";

import { bytes32ToCode } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { auditAnchors, auditRecords, batches, blockchainEvents } from "@/lib/db/schema";

import { anchorsCovering, proofsOf, type AnchorRow } from "./proof";
import type { AnchorTarget } from "./target";
import { verifyProof, verifyProofWithRoot, type Proof, type Verdict } from "./verify";

/** The audit actions the trace page tells, and how it names them. Anything else stays private. */
const steps: Record<
  string,
  { kind: "minted" | "verified" | "graded" | "moved" | "redeemed" | "expired"; title: string }
> = {
  "chain.BatchCreated": { kind: "minted", title: "Minted on chain" },
  "chain.BatchVerified": { kind: "verified", title: "Verified on chain" },
  "verification.approved": { kind: "verified", title: "Quantity counted and verified" },
  "verification.passed": { kind: "verified", title: "Passed full verification" },
  "quality_check.recorded": { kind: "graded", title: "Quality graded" },
  "chain.TransferSingle": { kind: "moved", title: "Moved to a new holder" },
  "chain.StockMoved": { kind: "moved", title: "Moved to another warehouse" },
  "chain.BatchRedeemed": { kind: "redeemed", title: "Redeemed" },
  "chain.BatchExpired": { kind: "expired", title: "Expired" },
};

/** `times` and `lastAt`: the same step recorded again right after (a rerun), told once. */
export type TraceStep = {
  position: number;
  kind: string;
  title: string;
  detail: string | null;
  at: string;
  times: number;
  lastAt: string;
  place: string | null;
  txHash: string | null;
  proof: Proof;
  verdict: Verdict;
};

const grades: Record<string, string> = {
  specialty: "Specialty grade",
  premium: "Premium grade",
  exchange: "Exchange grade",
  below_standard: "Below standard",
};

/** One public line about a step, from known fields only. */
function detailOf(action: string, after: unknown): string | null {
  const a = (after ?? {}) as Record<string, unknown>;
  // The stock ledger's warehouse codes (bytes32 on chain): places, never holders.
  if (action === "chain.StockMoved" && typeof a.fromWarehouse === "string" && typeof a.toWarehouse === "string")
    return `from ${bytes32ToCode(a.fromWarehouse)} to ${bytes32ToCode(a.toWarehouse)}`;
  if (action === "quality_check.recorded" && typeof a.grade === "string")
    return [grades[a.grade] ?? a.grade, a.cupping_score ? `cupping score ${a.cupping_score}` : null]
      .filter(Boolean)
      .join(", ");
  return null;
}

/** Against the kept root when there is one; else asks the chain, and keeps the root once it agrees. */
async function verify(db: Db, proof: Proof, anchors: AnchorRow[], client: PublicClient): Promise<Verdict> {
  const anchor = proof.anchor && anchors.find((a) => a.fromPosition === proof.anchor!.from_position);
  if (anchor?.chainRoot) return verifyProofWithRoot(proof, anchor.chainRoot as Hex);
  const verdict = await verifyProof(proof, client);
  if (anchor && verdict.status === "verified" && proof.root) {
    anchor.chainRoot = proof.root;
    await db.update(auditAnchors).set({ chainRoot: proof.root }).where(eq(auditAnchors.id, anchor.id));
  }
  return verdict;
}

export async function getTrace(db: Db, code: string, chain: { target: AnchorTarget; client: PublicClient } | null) {
  const [batch] = await db.select().from(batches).where(eq(batches.batchCode, code));
  if (!batch) return null;
  const origin = [batch.region, batch.originCountry].filter(Boolean).join(", ");
  const records = await db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.batchId, batch.id), inArray(auditRecords.action, Object.keys(steps))))
    .orderBy(asc(auditRecords.position));
  // When each step happened: a chain event at its block's time, a quality check at the time it
  // carries, anything else when it was recorded.
  const txs = [...new Set(records.flatMap((r) => (r.txHash ? [r.txHash] : [])))];
  const mined = new Map(
    (txs.length
      ? await db
          .select({ txHash: blockchainEvents.txHash, at: blockchainEvents.blockTime })
          .from(blockchainEvents)
          .where(inArray(blockchainEvents.txHash, txs))
      : []
    ).map((e) => [e.txHash, e.at.toISOString()]),
  );
  const happened = (r: (typeof records)[number]) => {
    const carried = (r.after as { created_at?: unknown } | null)?.created_at;
    return (
      (r.txHash && mined.get(r.txHash)) ||
      (typeof carried === "string" && !Number.isNaN(Date.parse(carried)) ? carried : r.createdAt.toISOString())
    );
  };
  const timeline: TraceStep[] = [];
  const anchors =
    chain && records.length
      ? await anchorsCovering(db, chain.target, records[0].position, records.at(-1)!.position)
      : [];
  const proofs = chain ? await proofsOf(db, chain.target, records, anchors) : new Map<number, Proof>();
  for (const r of records) {
    const step = steps[r.action];
    const detail = detailOf(r.action, r.after);
    const previous = timeline.at(-1);
    if (previous && previous.title === step.title && previous.detail === detail) {
      previous.times += 1;
      previous.lastAt = happened(r);
      continue;
    }
    const proof = proofs.get(r.position) ?? null;
    const verdict: Verdict =
      chain && proof
        ? await verify(db, proof, anchors, chain.client)
        : {
            isVerified: false,
            status: "not_anchored",
            message: "No audit anchor contract is configured.",
            block: null,
          };
    timeline.push({
      position: r.position,
      kind: step.kind,
      title: step.title,
      detail,
      at: happened(r),
      times: 1,
      lastAt: happened(r),
      place: step.kind === "minted" ? origin : null,
      txHash: r.txHash,
      // The public proof starts from the record's hash: its content can hold private fields.
      proof: {
        ...(proof ?? {
          position: r.position,
          hash: r.hash,
          leaf: "0x",
          path: [],
          root: null,
          anchor: null,
          chain_id: 0,
          contract_address: "0x",
        }),
        record: null,
      },
      verdict,
    });
  }
  return {
    batch: {
      id: batch.id,
      batchCode: batch.batchCode,
      origin,
      farm: batch.farm,
      cooperative: batch.cooperative,
      variety: batch.variety,
      process: batch.process,
      altitudeM: batch.altitudeM,
      harvestDate: batch.harvestDate,
      productionDate: batch.productionDate,
      expiryDate: batch.expiryDate,
      status: batch.status,
      tokenId: batch.tokenId,
    },
    timeline,
  };
}

export type Trace = NonNullable<Awaited<ReturnType<typeof getTrace>>>;
