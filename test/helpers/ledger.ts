// Checks the stock ledger against the chain: holdings equal balanceOf for every batch and holder,
// and the ledger's sums per batch, holder and warehouse equal holdings and warehouse stock.
import { sql } from "drizzle-orm";
import type { Address, PublicClient } from "viem";

import { batchTokenAbi } from "@/lib/chain/abi";
import type { Db } from "@/lib/db";

type Row = { token_id: string; holder: string; warehouse: string | null; balance: string };

export async function ledgerDisagreements(
  db: Db,
  client: PublicClient,
  address: Address,
  holders: Address[],
): Promise<string[]> {
  const tokenCount = await client.readContract({ address, abi: batchTokenAbi, functionName: "batchCount" });
  const tokens = Array.from({ length: Number(tokenCount) }, (_, i) => BigInt(i + 1));
  const pairs = tokens.flatMap((t) => holders.map((h) => [h, t] as const));
  const balances = pairs.length
    ? await client.readContract({
        address,
        abi: batchTokenAbi,
        functionName: "balanceOfBatch",
        args: [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      })
    : [];
  const held = (
    await db.execute<Row>(sql`select token_id::text, holder, null as warehouse, balance::text from holdings`)
  ).rows;
  const stock = (
    await db.execute<Row>(sql`select token_id::text, holder, warehouse, balance::text from warehouse_stock`)
  ).rows;
  const ledger = (
    await db.execute<Row>(sql`
    select token_id::text, holder, warehouse, sum(q)::text as balance from (
      select token_id, to_holder as holder, to_warehouse as warehouse, quantity as q from stock_movements where to_holder is not null
      union all select token_id, from_holder, from_warehouse, -quantity from stock_movements where from_holder is not null) m
    group by 1, 2, 3 having sum(q) <> 0`)
  ).rows;
  const onHand = (
    await db.execute<{ token_id: string; on_hand: string | null }>(
      sql`select token_id::text, on_hand::text from batches where token_id is not null`,
    )
  ).rows;
  const problems: string[] = [];
  const key = (t: string, h: string, w?: string | null) => `${t}|${h.toLowerCase()}${w === undefined ? "" : `|${w}`}`;
  const heldBy = new Map(held.map((r) => [key(r.token_id, r.holder), BigInt(r.balance)]));
  pairs.forEach(([h, t], i) => {
    const inDb = heldBy.get(key(t.toString(), h)) ?? 0n;
    if (inDb !== balances[i]) problems.push(`holdings of token ${t} for ${h}: ${inDb}, balanceOf ${balances[i]}`);
  });
  const ledgerBy = new Map(ledger.map((r) => [key(r.token_id, r.holder, r.warehouse), BigInt(r.balance)]));
  const stockBy = new Map(stock.map((r) => [key(r.token_id, r.holder, r.warehouse), BigInt(r.balance)]));
  for (const k of new Set([...ledgerBy.keys(), ...stockBy.keys()])) {
    if ((ledgerBy.get(k) ?? 0n) !== (stockBy.get(k) ?? 0n))
      problems.push(`ledger sum for ${k}: ${ledgerBy.get(k) ?? 0n}, warehouse stock ${stockBy.get(k) ?? 0n}`);
  }
  const perHolder = new Map<string, bigint>();
  for (const r of ledger)
    perHolder.set(key(r.token_id, r.holder), (perHolder.get(key(r.token_id, r.holder)) ?? 0n) + BigInt(r.balance));
  for (const k of new Set([...perHolder.keys(), ...heldBy.keys()])) {
    if ((perHolder.get(k) ?? 0n) !== (heldBy.get(k) ?? 0n))
      problems.push(`ledger sum for ${k}: ${perHolder.get(k) ?? 0n}, holdings ${heldBy.get(k) ?? 0n}`);
  }
  for (const t of tokens) {
    const supply = await client.readContract({ address, abi: batchTokenAbi, functionName: "totalSupply", args: [t] });
    const row = onHand.find((r) => r.token_id === t.toString());
    if (BigInt(row?.on_hand ?? -1) !== supply)
      problems.push(`on hand of token ${t}: ${row?.on_hand}, totalSupply ${supply}`);
  }
  return problems;
}
