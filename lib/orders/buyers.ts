// Buyers: importers and roasters, with the wallet their tokens are delivered to and their addresses.
import "server-only";

import { asc, eq, inArray, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { buyerKinds } from "@/lib/db/enums";
import { organisationAddresses, organisations } from "@/lib/db/schema";
import { addWallets } from "@/lib/organisations/organisations";

import type { BuyerChange } from "./schemas";

export async function listBuyers(db: Db) {
  // A one-table query's columns are written unqualified, so the subquery names the outer table itself.
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      delivery_wallet: organisations.deliveryWallet,
      addresses: sql<{ id: number; label: string; lines: string; country: string }[]>`coalesce((
        select json_agg(json_build_object('id', a.id, 'label', a.label, 'lines', a.lines, 'country', a.country) order by a.label)
        from ${organisationAddresses} a where a.organisation_id = "organisations"."id"), '[]')`,
    })
    .from(organisations)
    .where(inArray(organisations.kind, [...buyerKinds]))
    .orderBy(asc(organisations.name));
  return rows;
}

/** Sets the delivery wallet (made one of the buyer's wallets) or adds an address. Audited. */
export async function updateBuyer(db: Db, id: number, change: BuyerChange, actor: Actor) {
  await db.transaction(async (tx) => {
    const [buyer] = await tx.select().from(organisations).where(eq(organisations.id, id)).for("update");
    if (!buyer || !(buyerKinds as readonly string[]).includes(buyer.kind))
      throw new ApiError("not_found", `Buyer ${id} does not exist.`);
    if (change.delivery_wallet !== undefined) {
      if (change.delivery_wallet) await addWallets(tx, id, [change.delivery_wallet]);
      await tx.update(organisations).set({ deliveryWallet: change.delivery_wallet }).where(eq(organisations.id, id));
    }
    if (change.address) {
      const [added] = await tx
        .insert(organisationAddresses)
        .values({ organisationId: id, ...change.address })
        .onConflictDoNothing()
        .returning();
      if (!added)
        throw new ApiError("conflict", `${buyer.name} already has an address labelled "${change.address.label}".`);
    }
    await recordAudit(tx, {
      entity: "organisation",
      entityId: id,
      action: "buyer.updated",
      actor,
      before: { delivery_wallet: buyer.deliveryWallet },
      after: change,
    });
  });
  return (await listBuyers(db)).find((b) => b.id === id)!;
}
