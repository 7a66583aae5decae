// A Scope (lib/auth/scope.ts) as the where-clause on batches that every read applies: lists, gets,
// exports, streams, labels, proofs, activities and charts go through these, never their own test.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { batches, organisationWallets } from "@/lib/db/schema";

/**
 * "Its organisation holds or held it": the wallet that minted the batch (owner_address), or any
 * wallet the stock ledger ever delivered some of it to (a mint, a transfer, a count up).
 */
const heldByAny = (wallets: SQL): SQL[] => [
  sql`${batches.ownerAddress} in ${wallets}`,
  sql`exists (select 1 from stock_movements m where m.chain_id = ${batches.chainId} and m.token_id = ${batches.tokenId} and m.to_holder in ${wallets})`,
];

/** The organisation's wallets, as a subquery. */
const walletsOf = (organisationId: number) =>
  sql`(select ${organisationWallets.address} from ${organisationWallets} where ${organisationWallets.organisationId} = ${organisationId})`;

/** The condition on `batches` for the scope; undefined when it sees everything. */
export function batchesInScope(scope: Scope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "none") return sql`false`;
  return or(...heldByAny(walletsOf(scope.organisationId)));
}

/** The condition on a table an organisation owns (orders, returns: their buyer), by its organisation column. */
export function ownedInScope(scope: Scope, organisation: AnyPgColumn): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "none") return sql`false`;
  return eq(organisation, scope.organisationId);
}

/** The ids of the batches in scope, as a subquery for tables that point at a batch. */
export const batchIdsInScope = (scope: Scope): SQL =>
  sql`(select ${batches.id} from ${batches} where ${batchesInScope(scope) ?? sql`true`})`;

/** A batch outside the caller's scope is answered as missing: 404, the same words as for no batch at all. */
export async function assertBatchInScope(db: Db, scope: Scope, batchId: number): Promise<void> {
  if (scope.kind === "all") return;
  const [row] = await db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.id, batchId), batchesInScope(scope)));
  if (!row) throw new ApiError("not_found", `Batch ${batchId} does not exist.`);
}
