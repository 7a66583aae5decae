import type { Metadata } from "next";

import { History } from "@/components/audit/history";
import { DecisionForm } from "@/components/returns/decision-form";
import { DecisionResult } from "@/components/returns/decision-result";
import { InspectionForm } from "@/components/returns/inspection-form";
import { InspectionResult } from "@/components/returns/inspection-result";
import { ReturnFacts, ReturnPhotos } from "@/components/returns/return-facts";
import { ReturnFollow } from "@/components/returns/return-follow";
import { ReturnIntake } from "@/components/returns/return-intake";
import { ReturnRecommendation } from "@/components/returns/return-recommendation";
import { ReturnTransactions } from "@/components/returns/return-transactions";
import { ValueBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { getEnv } from "@/lib/env";
import { getReturn } from "@/lib/returns/returns";
import type { Recommendation } from "@/lib/returns/rules";
import { listWarehouses } from "@/lib/stock/warehouses";

import { loadDetail, type DetailProps } from "../../page-loads";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: DetailProps): Promise<Metadata> {
  return { title: `Return ${(await params).id}` };
}

export default async function ReturnPage({ params }: DetailProps) {
  const db = getDb();
  const { user, record: ret } = await loadDetail("/returns", (await params).id, (u, id) => getReturn(db, u.scope, id));
  const canReceive = ret.status === "requested" && can(user, "POST /api/returns/[return_id]/receive");
  const canInspect = ret.status === "received" && can(user, "POST /api/returns/[return_id]/inspect");
  const canDecide = ret.status === "inspected" && can(user, "POST /api/returns/[return_id]/decide");
  const warehouses = canReceive ? (await listWarehouses(db)).filter((w) => w.is_active) : [];
  const recommendation = ret.recommendation as Recommendation | null;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Return {ret.id}</h1>
        <span data-testid="return-status">
          <ValueBadge value={ret.status} />
        </span>
        <div className="ml-auto">
          <ReturnFollow status={ret.status} />
        </div>
      </div>
      <ReturnFacts ret={ret} />
      <ReturnPhotos photos={ret.photos} />
      {canReceive && <ReturnIntake returnId={ret.id} warehouses={warehouses} />}
      {(canInspect || ret.grade) && (
        <Card id="return-inspection" title="Inspection">
          {ret.grade ? <InspectionResult ret={ret} /> : <InspectionForm returnId={ret.id} />}
        </Card>
      )}
      {recommendation && <ReturnRecommendation recommendation={recommendation} currency={ret.currency} />}
      {(canDecide || ret.disposition) && (
        <Card id="return-decision" title="Decision">
          {ret.disposition ? (
            <DecisionResult ret={ret} />
          ) : (
            recommendation && <DecisionForm returnId={ret.id} recommendation={recommendation} currency={ret.currency} />
          )}
        </Card>
      )}
      <ReturnTransactions transactions={ret.transactions} explorerUrl={getEnv().EXPLORER_URL ?? null} />
      <History id="return-history" records={ret.history} />
    </div>
  );
}
