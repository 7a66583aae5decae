// Anchoring: the audit records not yet on chain, in position order, go into one Merkle tree whose
// root is sent to AuditAnchor with the range it covers. The chain's lastAnchoredRecord says where
// to start, so nothing is anchored twice; a failed send is recorded and its range sent again on the
// next run; a break in the hash chain stops anchoring and raises an alert.
// Shared by the worker (plain Node) and tests, so no "server-only" here.
import { and, eq, sql } from "drizzle-orm";
import {
  BaseError,
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

import { raiseSystemAlert } from "@/lib/alerts/system";
import { auditAnchorAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";
import { auditAnchors } from "@/lib/db/schema";

import { leafHash, merkleRoot } from "./merkle";
import { storeMissingPaths, storePaths } from "./paths";
import { findBreak, linkAt, recordsAfter } from "./walk";

export type AnchorChain = {
  client: PublicClient;
  wallet: WalletClient<Transport, Chain, Account>;
  chainId: number;
  address: Address;
};

export type AnchorOutcome =
  | { kind: "anchored"; ranges: { from: number; to: number; txHash: Hex; blockNumber: number }[] }
  | { kind: "up_to_date" }
  | { kind: "busy" }
  | { kind: "broken"; position: number; reason: string };

const lockKey = 7_261_124_030;
const messageOf = (e: unknown) => (e instanceof BaseError ? e.shortMessage : (e as Error).message).split("\n")[0];

/**
 * Runs `fn` while a transaction holds an advisory lock, so one anchorer works at a time across
 * every worker; `fn` writes through other connections, so each step commits as it happens.
 */
async function withLock<T>(db: Db, fn: () => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${lockKey}) as ok`);
    return rows[0].ok ? fn() : null;
  });
}

const live = (c: AnchorChain) =>
  and(
    eq(auditAnchors.chainId, c.chainId),
    eq(auditAnchors.contractAddress, c.address.toLowerCase()),
    eq(auditAnchors.status, "sending"),
  );

/** A send left `sending` by a crash or a timeout: confirmed if the chain holds its root, else failed. */
async function settle(db: Db, c: AnchorChain): Promise<boolean> {
  for (const row of await db.select().from(auditAnchors).where(live(c))) {
    const last = Number(
      await c.client.readContract({ address: c.address, abi: auditAnchorAbi, functionName: "lastAnchoredRecord" }),
    );
    if (last >= row.fromPosition) {
      const [index, found] = await c.client.readContract({
        address: c.address,
        abi: auditAnchorAbi,
        functionName: "findAnchor",
        args: [BigInt(row.fromPosition)],
      });
      if (found.root === row.root && Number(found.toRecord) === row.toPosition) {
        // The recorded transaction's receipt, else (a crash before it was recorded) the event itself.
        const receipt = row.txHash
          ? await c.client.getTransactionReceipt({ hash: row.txHash as Hex }).catch(() => null)
          : null;
        const [log] = receipt
          ? []
          : await c.client.getContractEvents({
              address: c.address,
              abi: auditAnchorAbi,
              eventName: "RootAnchored",
              args: { anchorId: index },
              fromBlock: 0n,
              strict: true,
            });
        const mined = receipt
          ? { txHash: receipt.transactionHash, blockNumber: Number(receipt.blockNumber) }
          : { txHash: log?.transactionHash ?? row.txHash, blockNumber: log ? Number(log.blockNumber) : null };
        await db
          .update(auditAnchors)
          .set({
            status: "confirmed",
            anchorIndex: Number(index),
            chainRoot: found.root,
            ...mined,
            confirmedAt: new Date(),
            error: null,
          })
          .where(eq(auditAnchors.id, row.id));
        continue;
      }
      await db
        .update(auditAnchors)
        .set({
          status: "failed",
          error: `the chain holds root ${found.root} for record ${row.fromPosition}, not this one`,
        })
        .where(eq(auditAnchors.id, row.id));
      continue;
    }
    // Still waiting in the mempool: leave it for the next run.
    if (
      row.txHash &&
      (await c.client.getTransaction({ hash: row.txHash as Hex }).then(
        (t) => t.blockNumber === null,
        () => false,
      ))
    )
      return false;
    await db
      .update(auditAnchors)
      .set({ status: "failed", error: row.error ?? "the transaction never reached the chain" })
      .where(eq(auditAnchors.id, row.id));
  }
  return true;
}

/**
 * Sends one root over `leaves` (records in position order); the row records the attempt, with each
 * record's path, before it goes out, and its outcome after.
 */
async function send(db: Db, c: AnchorChain, leaves: { position: number; hash: string }[]) {
  const from = leaves[0].position;
  const to = leaves.at(-1)!.position;
  const root = merkleRoot(leaves.map((r) => leafHash(r.position, r.hash)));
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(auditAnchors)
      .values({
        chainId: c.chainId,
        contractAddress: c.address.toLowerCase(),
        fromPosition: from,
        toPosition: to,
        root,
      })
      .returning();
    await storePaths(tx, inserted.id, leaves);
    return inserted;
  });
  try {
    const { request } = await c.client.simulateContract({
      account: c.wallet.account,
      address: c.address,
      abi: auditAnchorAbi,
      functionName: "anchor",
      args: [root, BigInt(from), BigInt(to)],
    });
    const hash = await c.wallet.writeContract(request);
    await db.update(auditAnchors).set({ txHash: hash }).where(eq(auditAnchors.id, row.id));
    const receipt = await c.client.waitForTransactionReceipt({ hash, timeout: 120_000 });
    if (receipt.status !== "success") throw new Error(`anchor transaction ${hash} reverted`);
    const [event] = parseEventLogs({ abi: auditAnchorAbi, logs: receipt.logs, eventName: "RootAnchored" });
    await db
      .update(auditAnchors)
      .set({
        status: "confirmed",
        blockNumber: Number(receipt.blockNumber),
        anchorIndex: Number(event.args.anchorId),
        chainRoot: event.args.root,
        confirmedAt: new Date(),
      })
      .where(eq(auditAnchors.id, row.id));
    return { from, to, txHash: hash, blockNumber: Number(receipt.blockNumber) };
  } catch (error) {
    // A receipt that never came is settled on the next run; anything else failed and is sent again then.
    const pending = (error as Error).name === "WaitForTransactionReceiptTimeoutError";
    await db
      .update(auditAnchors)
      .set(pending ? { error: messageOf(error) } : { status: "failed", error: messageOf(error) })
      .where(eq(auditAnchors.id, row.id));
    throw new Error(`anchoring records ${from}–${to} failed: ${messageOf(error)}`);
  }
}

/** Anchors every record not yet on chain, `maxRecords` per root. Throws when a send fails (the job retries). */
export async function anchorPending(
  db: Db,
  c: AnchorChain,
  opts: { maxRecords?: number } = {},
): Promise<AnchorOutcome> {
  const maxRecords = opts.maxRecords ?? 5_000;
  const outcome = await withLock(db, async (): Promise<AnchorOutcome> => {
    if (!(await settle(db, c))) return { kind: "busy" };
    await storeMissingPaths(db, c);
    const ranges: Extract<AnchorOutcome, { kind: "anchored" }>["ranges"] = [];
    for (;;) {
      const last = Number(
        await c.client.readContract({ address: c.address, abi: auditAnchorAbi, functionName: "lastAnchoredRecord" }),
      );
      const rows = await recordsAfter(db, last, maxRecords);
      if (!rows.length) return ranges.length ? { kind: "anchored", ranges } : { kind: "up_to_date" };
      const broken = findBreak(rows, await linkAt(db, last).catch(() => ({ position: last, hash: "" })));
      if (broken) {
        const { position, reason } = broken;
        await raiseSystemAlert(db, {
          type: "audit_chain_broken",
          severity: "critical",
          source: `position:${position}`,
          message: `Anchoring stopped: ${reason}.`,
          details: { position, reason },
        });
        return { kind: "broken", position, reason };
      }
      ranges.push(await send(db, c, rows));
    }
  });
  return outcome ?? { kind: "busy" };
}
