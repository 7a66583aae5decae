import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { NewOrderForm } from "@/components/orders/new-order-form";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listBatches, listFilterOptions } from "@/lib/batches/list";
import { ZBatchListQuery } from "@/lib/batches/schemas";
import { inStockStatuses } from "@/lib/db/enums";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { listBuyers } from "@/lib/orders/buyers";

export const metadata: Metadata = { title: "New order" };
export const dynamic = "force-dynamic";

export default async function NewOrderPage() {
  const user = await requirePageUser("/orders/new");
  if (!can(user, "POST /api/orders")) redirect("/forbidden");
  const db = getDb();
  const [buyers, { origins }, batches] = await Promise.all([
    listBuyers(db),
    listFilterOptions(db, user.scope),
    listBatches(db, ZBatchListQuery.parse({ status: inStockStatuses.join(","), limit: "50" }), user.scope),
  ]);
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
        <NewOrderForm buyers={buyers} origins={origins} batches={batches.data} />
      )}
    </div>
  );
}
