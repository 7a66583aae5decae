// A batch's Chainlink checks for the batch page and the API: where each stands, and its answer.
import "server-only";

import { findBatch } from "@/lib/batches/get";
import type { Db } from "@/lib/db";
import { listOfBatch } from "@/lib/db/of-batch";
import { chainlinkRequests } from "@/lib/db/schema";
import { rowJson } from "@/lib/json";

import { codeMeaning } from "./answer";

/**
 * sent: on chain, not answered yet; answered: the API answered, the callback is not indexed yet;
 * fulfilled: the consumer stored the answer; applied: and the token took it; failed: recorded why.
 */
export type CheckStage = "sent" | "answered" | "fulfilled" | "applied" | "failed";

function stageOf(r: typeof chainlinkRequests.$inferSelect): CheckStage {
  if (r.state === "failed") return "failed";
  if (r.state === "fulfilled") return r.applied ? "applied" : "fulfilled";
  return r.answer ? "answered" : "sent";
}

/** One check, as the API answers it (the DON reads `answer`) and lists it. */
export function toCheckJson(r: typeof chainlinkRequests.$inferSelect) {
  return {
    chainlink_request_id: r.id,
    router_request_id: r.routerRequestId,
    check: r.checkType,
    batch_id: r.batchId,
    token_id: r.tokenId,
    stage: stageOf(r),
    passed: r.passed,
    code: r.code,
    code_meaning: codeMeaning[r.checkType],
    reasons: r.reasons,
    answer: r.answer,
    ...rowJson(r, ["asOf", "applied", "error", "requester", "requestTx", "settleTx", "createdAt", "updatedAt"]),
  };
}

export type CheckJson = ReturnType<typeof toCheckJson>;

/** Newest first; at most `limit`. */
export async function listChecks(db: Db, batchId: number, limit = 20): Promise<CheckJson[]> {
  await findBatch(db, batchId);
  const rows = await listOfBatch(db, chainlinkRequests, batchId, { newest: chainlinkRequests.createdAt, limit });
  return rows.map(toCheckJson);
}
