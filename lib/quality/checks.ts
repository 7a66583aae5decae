// Quality checks of a minted batch: graded, stored with their photos and certificates, audited,
// and raising an alert when below standard.
import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { raiseAlert, type NewAlert } from "@/lib/alerts/raise";
import { actorOf } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import type { Scope } from "@/lib/auth/scope";
import { findBatch } from "@/lib/batches/get";
import { batchIdsInScope } from "@/lib/batches/scope";
import type { Db, Tx } from "@/lib/db";
import { listOfBatch } from "@/lib/db/of-batch";
import { qualityCheckFiles, qualityChecks } from "@/lib/db/schema";
import { readFileRow } from "@/lib/storage/files";
import { checkFiles, readUploadForm, withSavedFiles, type UploadedFile } from "@/lib/storage/form";

import { gradeQuality } from "./grade";
import { ZQualityCheck } from "./schemas";

/** A multipart body: the check as JSON in its `check` field, and `photos` / `certificates` files (a JSON body is handle()'s to read). */
export const readQualityCheckForm = (request: Request) => readUploadForm(request, "check");

type CheckRow = typeof qualityChecks.$inferSelect;
type FileRow = typeof qualityCheckFiles.$inferSelect;
const decimal = (v: string | null) => (v === null ? null : Number(v));

function toCheckJson(c: CheckRow, files: FileRow[]) {
  return {
    id: c.id,
    batch_id: c.batchId,
    inspected_by: c.inspectedBy,
    cupping_score: Number(c.cuppingScore),
    moisture_pct: Number(c.moisturePct),
    primary_defects: c.primaryDefects,
    secondary_defects: c.secondaryDefects,
    sample_grams: c.sampleGrams,
    screen_size: c.screenSize,
    screen_size_variance_pct: decimal(c.screenSizeVariancePct),
    quakers: c.quakers,
    notes: c.notes,
    grade: c.grade,
    full_defects: Number(c.fullDefects),
    reasons: c.reasons,
    rules_version: c.rulesVersion,
    created_at: c.createdAt.toISOString(),
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.sizeBytes,
      url: `/api/files/${f.id}`,
    })),
  };
}

export type QualityCheckJson = ReturnType<typeof toCheckJson>;

/** Validates everything first, writes the files, then stores check, files, audit and alert in one transaction. */
export async function recordQualityCheck(
  db: Db,
  batchId: number,
  input: unknown,
  files: UploadedFile[],
  caller: Caller,
  /** The check's time (the database's clock when absent); the demo's past passes its own. */
  now?: Date,
): Promise<QualityCheckJson> {
  const check = ZQualityCheck.parse(input);
  const uploads = checkFiles(files);
  await findBatch(db, batchId, { minted: true });
  const result = gradeQuality(check);
  const actor = actorOf(caller);

  return withSavedFiles(uploads, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(qualityChecks)
        .values({
          batchId,
          inspectedBy: caller.kind === "user" ? caller.user.id : null,
          cuppingScore: String(check.cupping_score),
          moisturePct: String(check.moisture_pct),
          primaryDefects: check.primary_defects,
          secondaryDefects: check.secondary_defects,
          sampleGrams: check.sample_grams,
          screenSize: check.screen_size,
          screenSizeVariancePct:
            check.screen_size_variance_pct === undefined ? null : String(check.screen_size_variance_pct),
          quakers: check.quakers ?? null,
          notes: check.notes ?? null,
          grade: result.grade,
          fullDefects: String(result.full_defects),
          reasons: result.reasons,
          rulesVersion: result.rules_version,
          ...(now && { createdAt: now }),
        })
        .returning();
      const fileRows = uploads.length
        ? await tx
            .insert(qualityCheckFiles)
            .values(
              uploads.map((u) => ({
                qualityCheckId: row.id,
                kind: u.kind,
                filename: u.filename,
                contentType: u.contentType,
                sizeBytes: u.bytes.length,
                storageKey: u.key,
              })),
            )
            .returning()
        : [];
      const json = toCheckJson(row, fileRows);
      await recordAudit(tx, {
        entity: "quality_check",
        entityId: row.id,
        batchId,
        action: "quality_check.recorded",
        actor,
        after: json,
      });
      if (result.grade === "below_standard") {
        const alert: NewAlert = {
          batchId,
          type: "quality_below_standard",
          severity: "medium",
          source: `quality_check:${row.id}`,
          message: `Quality check ${row.id} graded below standard. ${result.reasons.slice(1).join(" ")}`.trim(),
          details: { quality_check_id: row.id, full_defects: result.full_defects, reasons: result.reasons },
        };
        await raiseAlert(tx, alert, actor, now);
      }
      return json;
    }),
  );
}

/** A batch's checks, newest first, each with its files. */
export async function listQualityChecks(db: Db | Tx, batchId: number): Promise<QualityCheckJson[]> {
  await findBatch(db, batchId);
  const rows = await listOfBatch(db, qualityChecks, batchId);
  const files = rows.length
    ? await db
        .select()
        .from(qualityCheckFiles)
        .where(
          inArray(
            qualityCheckFiles.qualityCheckId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(qualityCheckFiles.id)
    : [];
  return rows.map((r) =>
    toCheckJson(
      r,
      files.filter((f) => f.qualityCheckId === r.id),
    ),
  );
}

/** A file of a quality check on a batch in `scope`; any other is answered as missing. */
export async function getQualityFile(db: Db, fileId: number, scope: Scope) {
  const inScope =
    scope.kind === "all"
      ? undefined
      : sql`${qualityCheckFiles.qualityCheckId} in (select ${qualityChecks.id} from ${qualityChecks} where ${qualityChecks.batchId} in ${batchIdsInScope(scope)})`;
  const [file] = await db
    .select()
    .from(qualityCheckFiles)
    .where(and(eq(qualityCheckFiles.id, fileId), inScope));
  return readFileRow(file, `File ${fileId} does not exist.`);
}
