// What Batchtrail answers each check about one on-chain batch. The verify-batch check runs the
// verification engine (and so records a verification, as the oracle); the others only read.
import "server-only";

import { sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { findBatchByToken } from "@/lib/batches/get";
import type { ChainHandle } from "@/lib/chain/server";
import type { Db, Tx } from "@/lib/db";
import { fromToday, humanize } from "@/lib/format";
import { listQualityChecks } from "@/lib/quality/checks";
import { verifyBatch, type Check } from "@/lib/verification/verify";

import type { CheckType } from "./answer";

export type Verdict = { batchId: number; passed: boolean; code: number; reasons: string[] };

const verificationBits: Record<Check["name"], number> = { quantity: 1, metadata: 2, dates: 4, quality: 8, fraud: 16 };
const passingGrades = new Set(["specialty", "premium"]);
const daySeconds = 86_400;

async function verify(db: Db | Tx, chain: ChainHandle, batchId: number): Promise<Omit<Verdict, "batchId">> {
  const result = await verifyBatch(db, chain, batchId, { kind: "chainlink" });
  const failed = result.checks.filter((c) => !c.passed);
  return {
    passed: result.passed,
    code: failed.reduce((bits, c) => bits | verificationBits[c.name], 0),
    reasons: result.checks.map((c) => c.detail),
  };
}

async function quality(db: Db | Tx, batchId: number): Promise<Omit<Verdict, "batchId">> {
  const [latest] = await listQualityChecks(db, batchId);
  if (!latest) return { passed: false, code: 0, reasons: ["No quality check is recorded for this batch."] };
  return {
    passed: passingGrades.has(latest.grade),
    code: Math.round(latest.cupping_score * 100),
    reasons: [`Quality check #${latest.id} graded it ${humanize(latest.grade)} (cupping ${latest.cupping_score}).`],
  };
}

/** Expired once the expiry date has begun (UTC), as the token counts it from the expiry timestamp. */
async function expiry(db: Db | Tx, expiryDate: string): Promise<Omit<Verdict, "batchId">> {
  const [{ now }] = (await db.execute(sql`select extract(epoch from now())::bigint::text as now`)).rows as {
    now: string;
  }[];
  const secondsLeft = Date.parse(`${expiryDate}T00:00:00Z`) / 1000 - Number(now);
  if (secondsLeft <= 0) return { passed: false, code: 0, reasons: [`It expired on ${expiryDate}.`] };
  const days = Math.floor(secondsLeft / daySeconds);
  return { passed: true, code: days, reasons: [`It expires on ${expiryDate}, ${fromToday(days)}.`] };
}

export async function answerCheck(
  db: Db | Tx,
  chain: ChainHandle,
  check: CheckType,
  tokenId: bigint,
): Promise<Verdict> {
  const batch = await findBatchByToken(db, chain.chainId, tokenId);
  if (!batch) throw new ApiError("not_found", `No batch has token id ${tokenId} on chain ${chain.chainId}.`);
  const verdict =
    check === "verify_batch"
      ? await verify(db, chain, batch.id)
      : check === "quality_check"
        ? await quality(db, batch.id)
        : await expiry(db, batch.expiryDate);
  return { batchId: batch.id, ...verdict };
}
