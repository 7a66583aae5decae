// Warehouse balances as a range's ledger rows are worked out: read once, then followed in memory
// row by row as the triggers will follow them, so the range's movements are written in one
// statement. The database still checks every balance when the rows arrive.
import { sql } from "drizzle-orm";

import type { Tx } from "@/lib/db";

type Side = { holder: string | null | undefined; warehouse: string | null | undefined };
type Booked = { tokenId: string; quantity: string; from: Side; to: Side };

export type Balances = {
  /** Where a holder's `amount` grams leave from when no warehouse is named: their warehouses in code order. */
  take: (tokenId: string, holder: string, amount: bigint) => { warehouse: string; quantity: bigint }[];
  /** A movement as the trigger applies it: what arrives, then what leaves. */
  book: (m: Booked) => void;
};

const keyOf = (tokenId: string, holder: string) => `${tokenId} ${holder}`;

export async function readBalances(tx: Tx, chainId: number, tokenIds: string[]): Promise<Balances> {
  const held = new Map<string, Map<string, bigint>>();
  const add = (tokenId: string, holder: string, warehouse: string, delta: bigint) => {
    const key = keyOf(tokenId, holder);
    const at = held.get(key) ?? held.set(key, new Map()).get(key)!;
    at.set(warehouse, (at.get(warehouse) ?? 0n) + delta);
  };
  if (tokenIds.length) {
    const { rows } = await tx.execute<{ token_id: string; holder: string; warehouse: string; balance: string }>(sql`
      select token_id::text, holder, warehouse, balance::text from warehouse_stock
      where chain_id = ${chainId} and token_id = any(${`{${[...new Set(tokenIds)].join(",")}}`}::numeric[]) and balance > 0`);
    for (const r of rows) add(r.token_id, r.holder, r.warehouse, BigInt(r.balance));
  }

  return {
    take(tokenId, holder, amount) {
      const at = held.get(keyOf(tokenId, holder)) ?? new Map<string, bigint>();
      const parts = [];
      let left = amount;
      const stocked = [...at].filter(([, b]) => b > 0n).map(([w]) => w);
      // Codes are capital letters, digits and dashes (lib/stock/schemas.ts), so code-unit order is byte order.
      for (const warehouse of stocked.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (left === 0n) break;
        const balance = at.get(warehouse)!;
        const part = balance < left ? balance : left;
        parts.push({ warehouse, quantity: part });
        left -= part;
      }
      if (left > 0n)
        throw new Error(
          `the ledger holds ${amount - left} g of token ${tokenId} for ${holder}, less than the ${amount} g the chain moved`,
        );
      return parts;
    },
    book({ tokenId, quantity, from, to }) {
      if (to.holder) add(tokenId, to.holder, to.warehouse ?? "", BigInt(quantity));
      if (from.holder) add(tokenId, from.holder, from.warehouse ?? "", -BigInt(quantity));
    },
  };
}
