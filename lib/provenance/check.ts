// The audit check: walks the whole hash chain, then recomputes every root anchored on chain from
// the records in the database, and names the first record changed behind the database's back
// (an edit with the triggers off, a restored backup).
import { asc, between, sql } from "drizzle-orm";
import type { Address, Hex, PublicClient } from "viem";

import { auditAnchorAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { auditRecords } from "@/lib/db/schema";

import { leafHash, merkleRoot } from "./merkle";
import { findBreak, recordsAfter, type ChainBreak } from "./walk";

export type AuditCheck = {
  records: number;
  anchors: number;
  anchoredUpTo: number;
  firstChanged: ChainBreak | null;
  problems: string[];
};

export async function checkAudit(db: Db, chain: { client: PublicClient; address: Address }): Promise<AuditCheck> {
  const problems: string[] = [];
  let firstChanged: ChainBreak | null = null;
  // A root mismatch only narrows the change to a range; the hash chain's walk, when it finds one, is exact.
  const note = (b: ChainBreak, isExact = true) => {
    problems.push(`record ${b.position}: ${b.reason}`);
    if (!firstChanged || (isExact && b.position < firstChanged.position)) firstChanged = b;
  };

  // Every break is reported; the walk resumes from the record where it found one.
  let records = 0;
  let prev = { position: 0, hash: "0".repeat(64) };
  for (;;) {
    const rows = await recordsAfter(db, prev.position, 5_000);
    if (!rows.length) break;
    records += rows.length;
    for (let rest = rows, link = prev; rest.length;) {
      const broken = findBreak(rest, link);
      if (!broken) break;
      note({ position: broken.position, reason: broken.reason });
      link = { position: rest[broken.index].position, hash: rest[broken.index].hash };
      rest = rest.slice(broken.index + 1);
    }
    prev = { position: rows.at(-1)!.position, hash: rows.at(-1)!.hash };
  }
  const [{ max }] = await db
    .select({ max: sql<number>`coalesce(max(${auditRecords.position}), 0)::int` })
    .from(auditRecords);

  const count = Number(
    await chain.client.readContract({ address: chain.address, abi: auditAnchorAbi, functionName: "anchorCount" }),
  );
  let anchoredUpTo = 0;
  for (let i = 0; i < count; i++) {
    const a = await chain.client.readContract({
      address: chain.address,
      abi: auditAnchorAbi,
      functionName: "getAnchor",
      args: [BigInt(i)],
    });
    const [from, to] = [Number(a.fromRecord), Number(a.toRecord)];
    anchoredUpTo = to;
    const rows = await db
      .select({ position: auditRecords.position, hash: auditRecords.hash })
      .from(auditRecords)
      .where(between(auditRecords.position, from, to))
      .orderBy(asc(auditRecords.position));
    if (rows.length !== to - from + 1) {
      note(
        {
          position: Math.min(max + 1, to),
          reason: `anchor ${i} covers records ${from}–${to}, but the database has ${rows.length} of them (records removed or a backup restored)`,
        },
        false,
      );
      continue;
    }
    const root: Hex = merkleRoot(rows.map((r) => leafHash(r.position, r.hash)));
    if (root !== a.root)
      note(
        {
          position: from,
          reason: `anchor ${i} (records ${from}–${to}): the records give root ${root.slice(0, 12)}…, the chain holds ${a.root.slice(0, 12)}…`,
        },
        false,
      );
  }
  return { records, anchors: count, anchoredUpTo, firstChanged, problems };
}
