// The due diligence answers in the API's snake_case: a statement's row, a batch's risk and evidence.
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";

import { benchmarkOf } from "./benchmarks";
import { loadEvidence } from "./evidence";
import { assessRisk } from "./risk";
import { listStatements, type StatementRow } from "./statements";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const statementJson = (s: StatementRow) => ({
  id: s.id,
  batch_id: s.batchId,
  order_id: s.orderId,
  batch_code: s.batchCode,
  activity: s.activity,
  status: s.status,
  risk_level: s.riskLevel,
  reference_number: s.referenceNumber,
  verification_number: s.verificationNumber,
  filed_at: iso(s.filedAt),
  created_at: s.createdAt.toISOString(),
});

/** The batch's risk with its factors, each plot's evidence, and the statements covering it (in scope). */
export async function batchDueDiligenceJson(db: Db, scope: Scope, batchId: number) {
  const [evidence, statements] = await Promise.all([
    loadEvidence(db, [batchId]),
    listStatements(db, scope, { batchId }),
  ]);
  return {
    risk: assessRisk(evidence),
    plots: evidence.plots.map((p) => ({
      id: p.id,
      reference: p.reference,
      producer_name: p.producerName,
      country: p.country,
      benchmark: benchmarkOf(p.country),
      geometry_type: p.geometryType,
      area_ha: p.areaHa,
      problems: p.problems,
      overlap_ha: p.overlapHa,
      declaration:
        p.declaration && p.declaredOn && p.declarant
          ? {
              land_use: p.declaration.landUse,
              is_deforestation_free: p.declaration.isDeforestationFree,
              declared_on: p.declaredOn,
              declarant: p.declarant,
            }
          : null,
      documents: p.documents.map((d) => ({ id: d.id, filename: d.filename, size_bytes: d.sizeBytes })),
    })),
    statements: statements.map(statementJson),
  };
}
