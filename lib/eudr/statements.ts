// Due diligence statements: generated for a batch or an order (its lines' batches), stored with the
// document as generated, listed and read within the caller's scope. A later statement for the same
// batches names the earlier filed ones as associated statements, so the numbers pass down the chain.
import "server-only";

import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { batchIdsInScope } from "@/lib/batches/scope";
import { gramsToKg } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { batches, dueDiligenceStatements, orderLines, orders, organisations, statementBatches } from "@/lib/db/schema";
import { getSetting } from "@/lib/settings/settings";

import type { NewStatement } from "./due-diligence-schemas";
import { loadEvidence } from "./evidence";
import { assessRisk } from "./risk";
import { buildStatement, type StatementDocument } from "./statement";

const s = dueDiligenceStatements;

/** Staff see every statement; a member those covering its organisation's batches or for its orders. */
export function statementsInScope(scope: Scope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "none") return sql`false`;
  return or(
    sql`exists (select 1 from ${statementBatches} sb where sb.statement_id = ${s.id} and sb.batch_id in ${batchIdsInScope(scope)})`,
    sql`${s.orderId} in (select id from ${orders} where buyer_id = ${scope.organisationId})`,
  );
}

type Subject = { code: string; lines: { batchId: number; netWeightKg: string }[] };

async function subjectOf(db: Db, input: NewStatement): Promise<Subject> {
  if (input.batch_id !== undefined) {
    const [batch] = await db
      .select({ id: batches.id, code: batches.batchCode, kg: batches.quantityKg })
      .from(batches)
      .where(eq(batches.id, input.batch_id));
    if (!batch) throw new ApiError("not_found", `Batch ${input.batch_id} does not exist.`);
    return { code: batch.code, lines: [{ batchId: batch.id, netWeightKg: batch.kg }] };
  }
  const lines = await db
    .select({ batchId: orderLines.batchId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, input.order_id!))
    .orderBy(asc(orderLines.id));
  if (!lines.length) throw new ApiError("not_found", `Order ${input.order_id} does not exist.`);
  return {
    code: `ORDER-${input.order_id}`,
    lines: lines.map((l) => ({ batchId: l.batchId, netWeightKg: gramsToKg(BigInt(l.quantity)) })),
  };
}

const describe = (b: { code: string; variety: string | null; process: string | null; origin: string }) =>
  `Green coffee, not roasted, not decaffeinated: ${[b.variety, b.process].filter(Boolean).join(", ") || "coffee"} from ${b.origin}, batch ${b.code}`;

/** The filed statements that covered any of these batches, oldest first: their numbers and when they were filed. */
export async function earlierFiled(db: Db, batchIds: number[]) {
  if (!batchIds.length) return [];
  return db
    .selectDistinct({
      id: s.id,
      referenceNumber: s.referenceNumber,
      verificationNumber: s.verificationNumber,
      filedAt: s.filedAt,
    })
    .from(s)
    .innerJoin(statementBatches, eq(statementBatches.statementId, s.id))
    .where(and(eq(s.status, "filed"), inArray(statementBatches.batchId, batchIds)))
    .orderBy(asc(s.id));
}

/** Generates and stores a statement for the batch or order; audited. Its id. */
export async function generateStatement(db: Db, input: NewStatement, actor: Actor, userId: number | null) {
  const subject = await subjectOf(db, input);
  const batchIds = [...new Set(subject.lines.map((l) => l.batchId))];
  const [evidence, facts, setting, [operator], associated] = await Promise.all([
    loadEvidence(db, batchIds),
    db
      .select({
        id: batches.id,
        code: batches.batchCode,
        variety: batches.variety,
        process: batches.process,
        origin: batches.originCountry,
      })
      .from(batches)
      .where(inArray(batches.id, batchIds)),
    getSetting(db, "eudr_submission"),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, "operator")),
    earlierFiled(db, batchIds),
  ]);
  const risk = assessRisk(evidence);
  return db.transaction(async (tx) => {
    const subjectColumn = input.batch_id !== undefined ? eq(s.batchId, input.batch_id) : eq(s.orderId, input.order_id!);
    const [{ n }] = await tx.select({ n: count() }).from(s).where(subjectColumn);
    const document = buildStatement({
      internalReference: `${subject.code}-${n + 1}`,
      activity: input.activity,
      operator: {
        name: operator?.name ?? "Batchtrail",
        eori: setting.operator_eori,
        address: setting.operator_address,
        country: setting.operator_country,
      },
      commodities: subject.lines.map((line) => ({
        description: describe(facts.find((f) => f.id === line.batchId)!),
        netWeightKg: line.netWeightKg,
        plots: evidence.plots.filter((p) => p.batchIds.includes(line.batchId)),
      })),
      associated: associated.map((a) => ({
        referenceNumber: a.referenceNumber!,
        verificationNumber: a.verificationNumber!,
      })),
      risk,
    });
    const [row] = await tx
      .insert(s)
      .values({
        batchId: input.batch_id ?? null,
        orderId: input.order_id ?? null,
        activity: input.activity,
        riskLevel: risk.level,
        document,
        createdBy: userId,
      })
      .returning({ id: s.id });
    await tx.insert(statementBatches).values(batchIds.map((batchId) => ({ statementId: row.id, batchId })));
    await recordAudit(tx, {
      entity: "due_diligence_statement",
      entityId: row.id,
      batchId: input.batch_id ?? null,
      action: "due_diligence_statement.generated",
      actor,
      after: { subject: subject.code, risk: risk.level, reasons: risk.reasons },
    });
    return row.id;
  });
}

const columns = {
  id: s.id,
  batchId: s.batchId,
  orderId: s.orderId,
  batchCode: batches.batchCode,
  activity: s.activity,
  status: s.status,
  riskLevel: s.riskLevel,
  referenceNumber: s.referenceNumber,
  verificationNumber: s.verificationNumber,
  filedAt: s.filedAt,
  createdAt: s.createdAt,
};

export type StatementRow = Awaited<ReturnType<typeof listStatements>>[number];

/** Statements in scope, newest first; for a batch: every statement covering it; for an order: its own and its batches'. */
export async function listStatements(db: Db, scope: Scope, q: { batchId?: number; orderId?: number; limit?: number }) {
  const forBatch =
    q.batchId === undefined
      ? undefined
      : sql`exists (select 1 from ${statementBatches} sb where sb.statement_id = ${s.id} and sb.batch_id = ${q.batchId})`;
  const forOrder =
    q.orderId === undefined
      ? undefined
      : or(
          eq(s.orderId, q.orderId),
          sql`${s.batchId} in (select batch_id from ${orderLines} where order_id = ${q.orderId})`,
        );
  return db
    .select(columns)
    .from(s)
    .leftJoin(batches, eq(batches.id, s.batchId))
    .where(and(statementsInScope(scope), forBatch, forOrder))
    .orderBy(desc(s.id))
    .limit(q.limit ?? 100);
}

export async function getStatement(db: Db, scope: Scope, id: number) {
  const [row] = await db
    .select({ ...columns, document: s.document })
    .from(s)
    .leftJoin(batches, eq(batches.id, s.batchId))
    .where(and(eq(s.id, id), statementsInScope(scope)));
  if (!row) throw new ApiError("not_found", `Statement ${id} does not exist.`);
  return { ...row, document: row.document as StatementDocument };
}

/** The filed statements covering a batch: their numbers, for the public trace page. */
export const filedForBatch = (db: Db, batchId: number) => earlierFiled(db, [batchId]);
