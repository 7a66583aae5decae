// The consumer's events, as the listener applies them: a check sent, fulfilled (and whether the
// token took it), or failed. One event at a time (checks are few), idempotent, so a replay is exact.
import { and, eq, sql } from "drizzle-orm";
import { decodeErrorResult, type Hex } from "viem";

import type { ChainEvent } from "@/lib/batches/apply-event";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { Tx } from "@/lib/db";
import { checkTypes } from "@/lib/db/enums";
import { batches, chainlinkRequests } from "@/lib/db/schema";

const byRouterId = (e: ChainEvent) => eq(chainlinkRequests.routerRequestId, String(e.args.requestId));

/** Why the token refused: its named error when it is one of the token's, else the raw bytes. */
function refusal(reason: Hex): string {
  try {
    const e = decodeErrorResult({ abi: batchTokenAbi, data: reason });
    return `The token refused: ${e.errorName}(${(e.args ?? []).map(String).join(", ")})`;
  } catch {
    return `The token refused (${reason})`;
  }
}

const handlers: Record<string, (tx: Tx, e: ChainEvent) => Promise<void>> = {
  async CheckRequested(tx, e) {
    const a = e.args as {
      requestId: Hex;
      batchId: bigint | string;
      check: number | string;
      apiRequestId: Hex;
      requester: string;
    };
    const tokenId = String(a.batchId);
    const [batch] = await tx
      .select({ id: batches.id })
      .from(batches)
      .where(and(eq(batches.chainId, e.chainId), eq(batches.tokenId, tokenId)));
    const onChain = {
      routerRequestId: a.requestId,
      requester: a.requester.toLowerCase(),
      requestTx: e.transactionHash,
      state: sql`coalesce(${chainlinkRequests.state}, 'sent')`,
    };
    await tx
      .insert(chainlinkRequests)
      .values({
        id: a.apiRequestId.toLowerCase(),
        chainId: e.chainId,
        checkType: checkTypes[Number(a.check)],
        tokenId,
        batchId: batch?.id ?? null,
        ...onChain,
        state: "sent",
      })
      .onConflictDoUpdate({ target: chainlinkRequests.id, set: { ...onChain, updatedAt: new Date() } });
  },
  async CheckFulfilled(tx, e) {
    await tx
      .update(chainlinkRequests)
      .set({ state: "fulfilled", applied: Boolean(e.args.applied), settleTx: e.transactionHash, updatedAt: new Date() })
      .where(byRouterId(e));
  },
  async CheckFailed(tx, e) {
    await tx
      .update(chainlinkRequests)
      .set({
        state: "failed",
        applied: false,
        error: String(e.args.reason),
        settleTx: e.transactionHash,
        updatedAt: new Date(),
      })
      .where(byRouterId(e));
  },
  async CheckNotApplied(tx, e) {
    await tx
      .update(chainlinkRequests)
      .set({ error: refusal(e.args.reason as Hex), updatedAt: new Date() })
      .where(byRouterId(e));
  },
};

export const checkEventNames = Object.keys(handlers);

/** Applies the consumer's events among `events`, in order; other events are left alone. */
export async function applyCheckEvents(tx: Tx, events: ChainEvent[]): Promise<void> {
  for (const e of events) await handlers[e.eventName]?.(tx, e);
}

/** Before a batch's surviving events are replayed: its checks forget what the chain said of them. */
export async function forgetChecks(tx: Tx, chainId: number, tokenId: string): Promise<void> {
  await tx
    .update(chainlinkRequests)
    .set({
      routerRequestId: null,
      state: null,
      applied: null,
      error: null,
      requester: null,
      requestTx: null,
      settleTx: null,
      updatedAt: new Date(),
    })
    .where(and(eq(chainlinkRequests.chainId, chainId), eq(chainlinkRequests.tokenId, tokenId)));
}
