// Applies batch token events to the batches table. Each handler takes a list of events of its kind
// for distinct tokens and writes them in one statement, so a range of thousands of events costs a
// few queries. Handlers are idempotent, and take arguments as stored (numbers may be decimal
// strings), so a replay is exact.
import { and, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { Hex } from "viem";

import type { Tx } from "@/lib/db";
import { jsonRows } from "@/lib/db/json-rows";
import { batches } from "@/lib/db/schema";

import { columnsFromChain, metadataColumns, upsertFromChain } from "./from-chain";
import { decodeMetadata } from "./metadata";

export type ChainEvent = {
  chainId: number;
  eventName: string;
  args: Record<string, unknown>;
  transactionHash: string;
  /** When the chain mined it. */
  blockTime: Date;
  /** A creation's holder, when the mint that follows it is written with it (see `withMints`). */
  mintedTo?: string;
};

const int = (value: unknown) => BigInt(value as bigint | string);
const tokenOf = (e: ChainEvent) => String(e.args.batchId);

/** The events' tokens with one value each, as a table to join: `v(token_id, value)`. */
const valuesByToken = (events: ChainEvent[], value: (e: ChainEvent) => string) =>
  sql`jsonb_to_recordset(${JSON.stringify(events.map((e) => ({ token_id: tokenOf(e), value: value(e) })))}::jsonb) as v(token_id text, value text)`;

const ofTokens = (events: ChainEvent[]) =>
  and(
    eq(batches.chainId, events[0].chainId),
    sql`${batches.tokenId} in (select jsonb_array_elements_text(${JSON.stringify(events.map(tokenOf))}::jsonb)::numeric)`,
  );

function createdRow({ chainId, args: a, transactionHash, blockTime, mintedTo }: ChainEvent) {
  const onchain = {
    quantity: int(a.quantity),
    productionDate: int(a.productionDate),
    expiryDate: int(a.expiryDate),
    pricePerKg: int(a.pricePerKg),
    metadataHash: a.metadataHash as Hex,
    metadataUri: String(a.metadataUri),
  };
  return {
    ...columnsFromChain(chainId, int(a.batchId), onchain),
    status: "active" as const,
    mintTxHash: transactionHash,
    ...(mintedTo && { ownerAddress: mintedTo }),
    // A minted batch exists from its block's time (the chain's clock, not the indexer's).
    createdAt: blockTime,
  };
}

const handlers: Record<string, (tx: Tx, events: ChainEvent[]) => Promise<void>> = {
  /** Fills the drafts waiting for these batches one by one; inserts or refreshes the rest together. */
  async BatchCreated(tx, events) {
    const rows = events.map(createdRow);
    const codes = JSON.stringify(rows.map((r) => r.batchCode));
    const waiting = await tx
      .select({ code: batches.batchCode })
      .from(batches)
      .where(
        and(
          eq(batches.chainId, rows[0].chainId),
          isNull(batches.tokenId),
          sql`${batches.batchCode} in (select jsonb_array_elements_text(${codes}::jsonb))`,
        ),
      );
    const drafts = new Set(waiting.map((w) => w.code));
    for (const row of rows.filter((r) => drafts.has(r.batchCode))) await upsertFromChain(tx, row);
    const rest = rows.filter((r) => !drafts.has(r.batchCode));
    if (!rest.length) return;
    const columns = getTableColumns(batches);
    const name = (key: string) => columns[key as keyof typeof columns].name;
    // A refreshed batch takes the chain's facts, and keeps its holder unless this range minted it.
    const refreshed = Object.keys(rows[0])
      .filter((k) => k !== "chainId" && k !== "tokenId" && k !== "ownerAddress")
      .map((k) => sql.raw(`"${name(k)}" = excluded."${name(k)}"`));
    // A new batch has nothing on hand until it is minted (a refreshed one keeps what it has).
    await tx.execute(sql`insert into ${batches} ${jsonRows(
      batches,
      rest.map((row) => ({ ...row, onHand: "0" })),
    )}
      on conflict (chain_id, token_id) do update set ${sql.join(refreshed, sql`, `)},
        owner_address = coalesce(excluded.owner_address, ${batches.ownerAddress}), updated_at = now()`);
  },
  async BatchMinted(tx, events) {
    await tx.execute(sql`update batches set owner_address = v.value, updated_at = now() from ${valuesByToken(events, (e) => String(e.args.to).toLowerCase())}
      where batches.chain_id = ${events[0].chainId} and batches.token_id = v.token_id::numeric`);
  },
  async InventoryAdjusted(tx, events) {
    await tx.execute(sql`update batches set onchain_quantity = v.value::numeric, quantity_kg = v.value::numeric / 1000, updated_at = now() from ${valuesByToken(events, (e) => int(e.args.newQuantity).toString())}
      where batches.chain_id = ${events[0].chainId} and batches.token_id = v.token_id::numeric`);
  },
  async BatchVerified(tx, events) {
    await tx
      .update(batches)
      .set({
        status: sql`case when ${batches.status} in ('active', 'verified') then 'verified' else ${batches.status} end`,
        verificationStatus: "verified",
        updatedAt: new Date(),
      })
      .where(ofTokens(events));
  },
  async BatchExpired(tx, events) {
    await tx.update(batches).set({ status: "expired", updatedAt: new Date() }).where(ofTokens(events));
  },
  async MetadataUpdated(tx, events) {
    for (const e of events) {
      const a = e.args as { metadataHash: Hex; metadataUri: string };
      await tx
        .update(batches)
        .set({
          ...metadataColumns(decodeMetadata(a.metadataUri, a.metadataHash)),
          metadataHash: a.metadataHash,
          metadataUri: a.metadataUri,
          updatedAt: new Date(),
        })
        .where(ofTokens([e]));
    }
  },
  /** All of it redeemed, against the quantity at that moment, makes the batch redeemed. */
  async BatchRedeemed(tx, events) {
    await tx.execute(sql`update batches set status = case when batches.onchain_quantity = v.value::numeric then 'redeemed' else batches.status end, updated_at = now()
      from ${valuesByToken(events, (e) => int(e.args.redeemed).toString())}
      where batches.chain_id = ${events[0].chainId} and batches.token_id = v.token_id::numeric`);
  },
};

export async function applyBatchEvent(tx: Tx, event: ChainEvent): Promise<void> {
  await handlers[event.eventName]?.(tx, [event]);
}

/**
 * A creation and the mint right after it (one transaction, the usual case) as one event: the
 * creation carries the holder, so its row is written once.
 */
function withMints(events: ChainEvent[]): ChainEvent[] {
  const out: ChainEvent[] = [];
  const latest = new Map<string, ChainEvent>();
  for (const e of events) {
    if (!handlers[e.eventName]) continue;
    const before = latest.get(tokenOf(e));
    if (e.eventName === "BatchMinted" && before?.eventName === "BatchCreated" && !before.mintedTo) {
      before.mintedTo = String(e.args.to).toLowerCase();
      continue;
    }
    const own = e.eventName === "BatchCreated" ? { ...e } : e;
    latest.set(tokenOf(e), own);
    out.push(own);
  }
  return out;
}

/**
 * Applies events with the same result as one by one in chain order, in few statements: events
 * go in rounds holding at most one event per token (a token's events keep their order across
 * rounds), and a round's events of one kind are written together. Tokens never affect each other.
 */
export async function applyBatchEvents(tx: Tx, events: ChainEvent[]): Promise<void> {
  const rounds: Map<string, ChainEvent[]>[] = [];
  const seen = new Map<string, number>();
  for (const e of withMints(events)) {
    const n = seen.get(tokenOf(e)) ?? 0;
    seen.set(tokenOf(e), n + 1);
    rounds[n] ??= new Map();
    const kind = rounds[n].get(e.eventName) ?? rounds[n].set(e.eventName, []).get(e.eventName)!;
    kind.push(e);
  }
  for (const round of rounds) {
    for (const [name, list] of round) await handlers[name](tx, list);
  }
}

/** Before a token's surviving events are replayed: what only later events set goes back to its start. */
export async function forgetChainFacts(tx: Tx, chainId: number, tokenId: string): Promise<void> {
  await tx
    .update(batches)
    .set({ ownerAddress: null, verificationStatus: "unverified", updatedAt: new Date() })
    .where(and(eq(batches.chainId, chainId), eq(batches.tokenId, tokenId)));
}

/**
 * A token the chain no longer created: its row becomes the unminted draft it stands for, keeping
 * its id and off-chain facts; if the creation is mined again, it fills the draft again by code.
 */
export async function unbindToken(tx: Tx, chainId: number, tokenId: string): Promise<void> {
  await tx
    .update(batches)
    .set({
      tokenId: null,
      status: "draft",
      onchainQuantity: null,
      onHand: null,
      ownerAddress: null,
      mintTxHash: null,
      verificationStatus: "unverified",
      updatedAt: new Date(),
    })
    .where(and(eq(batches.chainId, chainId), eq(batches.tokenId, tokenId)));
}
