import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { NewReturnForm } from "@/components/returns/new-return-form";
import { EmptyState } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { readFilters, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { formatDecimal } from "@/lib/format";
import { getReturnableLine } from "@/lib/returns/line";

export const metadata: Metadata = { title: "Request a return" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

export default async function NewReturnPage({ searchParams }: Props) {
  const { values } = readFilters(await searchParams);
  const user = await requirePageUser(`/returns/new?order_line_id=${encodeURIComponent(values.order_line_id ?? "")}`);
  if (!can(user, "POST /api/returns")) redirect("/forbidden");
  const lineId = Number(values.order_line_id);
  if (!Number.isSafeInteger(lineId) || lineId <= 0) notFound();
  const line = await getReturnableLine(getDb(), user.scope, lineId);
  if (!line) notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Request a return">
        Coffee from a delivered order sent back: an operator receives it at a warehouse, a verifier inspects it and
        decides what becomes of it.
      </PageHeader>
      <Facts
        facts={[
          [
            "Order",
            <Link key="order" href={`/orders/${line.order_id}`} className="underline">
              #{line.order_id}
            </Link>,
          ],
          ["Buyer", line.buyer],
          [
            "Batch",
            <Link key="batch" href={`/batches/${line.batch_id}`} className="font-mono underline">
              {line.batch_code}
            </Link>,
          ],
          ["Shipped", `${formatDecimal(line.shipped_kg, 3)} kg`],
          ["Already returned", `${formatDecimal(line.returned_kg, 3)} kg`],
          ["Can be returned", `${formatDecimal(line.returnable_kg, 3)} kg`],
        ]}
        className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3"
      />
      {line.order_status !== "delivered" ? (
        <EmptyState title="Not delivered yet">
          Order #{line.order_id} is {line.order_status}: only a delivered order&apos;s lines can be returned.
        </EmptyState>
      ) : (
        <NewReturnForm lineId={line.id} returnableKg={line.returnable_kg} />
      )}
    </div>
  );
}
