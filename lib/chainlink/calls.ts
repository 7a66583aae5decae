// A call from the DON to /api/chainlink/{check}/{batch_id}: rate limited, signed, never replayed,
// and answered once per chainlink_request_id (every DON node, and every retry, gets the same
// bytes). Each call, answered or refused, is stored in chainlink_calls; every call that proves it
// holds the secret is audited too (a flood of unsigned ones cannot fill the hash-chained log).
import "server-only";

import { eq, sql } from "drizzle-orm";
import { ZodError } from "zod";

import { parseJson } from "@/lib/api/body";
import { ApiError, errorStatus } from "@/lib/api/errors";
import { toWellFormed } from "@/lib/api/zod";
import { recordAudit } from "@/lib/audit/record";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import type { ChainHandle } from "@/lib/chain/server";
import type { Db, Tx } from "@/lib/db";
import { chainlinkCalls, chainlinkNonces, chainlinkRequests } from "@/lib/db/schema";

import { encodeAnswer, type CheckType } from "./answer";
import { answerCheck } from "./answers";
import { toCheckJson, type CheckJson } from "./list";
import { ZChainlinkCall, ZTokenParam } from "./schemas";
import { verify } from "./signature";

/** Calls per minute from one address; a DON sends a few per request. */
export const callsPerMinute = 120;
const maxBodyBytes = 2_048;

/** `body`: the raw text, as signed. */
type Call = { check: CheckType; tokenParam: string; path: string; headers: Headers; body: string; ip: string };
type Outcome = {
  outcome: "answered" | "refused";
  status: number;
  reason?: string;
  chainlinkRequestId?: string | null;
  batchId?: number | null;
};

async function record(db: Db | Tx, call: Call, o: Outcome, audit = true) {
  const tokenId = call.tokenParam.slice(0, 80);
  await db.insert(chainlinkCalls).values({
    chainlinkRequestId: o.chainlinkRequestId ?? null,
    checkType: call.check,
    tokenId,
    outcome: o.outcome,
    status: o.status,
    reason: o.reason ?? null,
    ip: call.ip,
  });
  if (!audit) return;
  await recordAudit(db, {
    entity: "chainlink_request",
    entityId: o.chainlinkRequestId ?? "unknown",
    batchId: o.batchId ?? null,
    action: `chainlink.${o.outcome}`,
    actor: { kind: "oracle" },
    after: { check: call.check, token_id: tokenId, status: o.status, reason: o.reason ?? null, ip: call.ip },
  });
}

/** The stored answer for this id, or a new one computed and stored with the call that asked. */
async function answerOnce(db: Db, chain: ChainHandle, call: Call, id: string, tokenId: bigint): Promise<CheckJson> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`chainlink:${id}`}, 0))`);
    const [known] = await tx.select().from(chainlinkRequests).where(eq(chainlinkRequests.id, id));
    if (known && (known.checkType !== call.check || known.tokenId !== tokenId.toString())) {
      throw new ApiError(
        "conflict",
        `chainlink_request_id ${id} belongs to the ${known.checkType} check of batch ${known.tokenId}, not this one.`,
      );
    }
    let row = known;
    if (!known?.answer) {
      const verdict = await answerCheck(tx, chain, call.check, tokenId);
      const asOf = BigInt(Math.floor(Date.now() / 1000));
      const answer = {
        answer: encodeAnswer({ tokenId, check: call.check, passed: verdict.passed, code: verdict.code, asOf }),
        passed: verdict.passed,
        code: verdict.code,
        reasons: verdict.reasons,
        asOf: new Date(Number(asOf) * 1000),
        answeredAt: new Date(),
        batchId: verdict.batchId,
      };
      [row] = await tx
        .insert(chainlinkRequests)
        .values({ id, chainId: chain.chainId, checkType: call.check, tokenId: tokenId.toString(), ...answer })
        .onConflictDoUpdate({ target: chainlinkRequests.id, set: { ...answer, updatedAt: new Date() } })
        .returning();
    }
    await record(tx, call, { outcome: "answered", status: 200, chainlinkRequestId: id, batchId: row!.batchId });
    return toCheckJson(row!);
  });
}

export async function answerCall(
  db: Db,
  chain: ChainHandle,
  secret: string | undefined,
  call: Call,
): Promise<CheckJson> {
  let chainlinkRequestId: string | null = null;
  let isSigned = false;
  try {
    const limit = await hitRateLimit(db, `chainlink:${call.ip}`, callsPerMinute, 60);
    if (!limit.isAllowed)
      throw new ApiError("rate_limited", "Too many Chainlink calls from this address.", {
        retry_after_seconds: limit.retryAfterSeconds,
      });
    if (!secret) throw new ApiError("unavailable", "CHAINLINK_SECRET is not set, so no Chainlink call can be checked.");
    const tooLong = new ApiError("validation_error", `The body is over ${maxBodyBytes} bytes.`);
    if (Number(call.headers.get("content-length") ?? 0) > maxBodyBytes) throw tooLong;
    const body = call.body;
    if (Buffer.byteLength(body) > maxBodyBytes) throw tooLong;
    const verdict = verify(secret, call.headers, { method: "POST", path: call.path, body });
    if (!verdict.ok) throw new ApiError("unauthorized", verdict.reason);
    isSigned = true;
    const [fresh] = await db.insert(chainlinkNonces).values({ nonce: verdict.nonce }).onConflictDoNothing().returning();
    if (!fresh)
      throw new ApiError("unauthorized", "This call was received before (its nonce was used): a replay is refused.");
    chainlinkRequestId = ZChainlinkCall.parse(parseJson(body)).chainlink_request_id;
    const tokenId = ZTokenParam.parse(call.tokenParam);
    return await answerOnce(db, chain, call, chainlinkRequestId, tokenId);
  } catch (error) {
    const status = error instanceof ApiError ? errorStatus[error.code] : error instanceof ZodError ? 400 : 500;
    const reason = error instanceof ZodError ? error.issues.map((i) => i.message).join("; ") : (error as Error).message;
    await record(
      db,
      call,
      { outcome: "refused", status, reason: toWellFormed(reason.slice(0, 500)), chainlinkRequestId },
      isSigned,
    ).catch((e: Error) => console.error(`a refused Chainlink call could not be recorded: ${e.message}`));
    throw error;
  }
}
