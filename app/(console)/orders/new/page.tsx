import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { NewOrderForm } from "@/components/orders/new-order-form";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { findBatch } from "@/lib/batches/get";
import { listBatches, listFilterOptions } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import { toBatchJson, type BatchJson } from "@/lib/batches/serialize";
import { stockFigures } from "@/lib/batches/stock";
import { inStockStatuses } from "@/lib/db/enums";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listBuyers } from "@/lib/orders/buyers";

export const metadata: Metadata = { title: "New order" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ batch_id?: string }> };

export default async function NewOrderPage({ searchParams }: Props) {
  const user = await requirePageUser("/orders/new");
  if (!can(user, "POST /api/orders")) redirect("/forbidden");
  const db = getDb();
  const [buyers, { origins }, batches] = await Promise.all([
    listBuyers(db),
    listFilterOptions(db, user.scope),
    listBatches(db, ZBatchListQuery.parse({ status: inStockStatuses.join(","), limit: "50" }), user.scope),
  ]);
  // ?batch_id=… (a "sell before expiry" recommendation accepted): the form starts with that batch's line.
  const wanted = Number((await searchParams).batch_id);
  const initial = Number.isSafeInteger(wanted) && wanted > 0 ? await initialBatch(wanted, batches.data) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="New order">
        Pick the buyer, then the batches with their kilograms and prices. A draft reserves nothing; confirming reserves
        every line, or none when a batch has too little available.
      </PageHeader>
      {buyers.length === 0 ? (
        <EmptyState title="No buyer yet">
          Orders are for importers and roasters: an admin adds one on the Admin page.
        </EmptyState>
      ) : (
        <NewOrderForm buyers={buyers} origins={origins} batches={batches.data} initial={initial} />
      )}
    </div>
  );
}

async function initialBatch(id: number, listed: BatchJson[]): Promise<BatchJson | undefined> {
  const found = listed.find((b) => b.id === id);
  if (found) return found;
  const db = getDb();
  const row = await findBatch(db, id).catch(() => null);
  return row ? toBatchJson(row, (await stockFigures(db, [id])).get(id)) : undefined;
}
