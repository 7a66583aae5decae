// The producer's evidence per plot: declarations of land use since 2020-12-31 (the newest counts;
// earlier ones stay as history) and legality documents as files in the upload store. Audited.
import "server-only";

import { and, desc, eq, inArray, or, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Scope } from "@/lib/auth/scope";
import { batchIdsInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batchPlots, plotDeclarations, plotDocuments, plots } from "@/lib/db/schema";
import { readFileRow } from "@/lib/storage/files";
import { checkFiles, withSavedFiles, type UploadedFile } from "@/lib/storage/form";

import type { NewDeclaration } from "./due-diligence-schemas";

/** A plot outside the scope (not its organisation's, from none of its batches) is answered as missing. */
export async function assertPlotInScope(db: Db, scope: Scope, plotId: number) {
  const visible =
    scope.kind === "all"
      ? undefined
      : scope.kind === "none"
        ? sql`false`
        : or(
            eq(plots.organisationId, scope.organisationId),
            sql`exists (select 1 from ${batchPlots} bp where bp.plot_id = ${plots.id} and bp.batch_id in ${batchIdsInScope(scope)})`,
          );
  const [row] = await db
    .select({ id: plots.id })
    .from(plots)
    .where(and(eq(plots.id, plotId), visible));
  if (!row) throw new ApiError("not_found", `Plot ${plotId} does not exist.`);
}

export async function addDeclaration(
  db: Db,
  plotId: number,
  input: NewDeclaration,
  actor: Actor,
  userId: number | null,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plotDeclarations)
      .values({
        plotId,
        landUse: input.land_use,
        isDeforestationFree: input.is_deforestation_free,
        declaredOn: input.declared_on,
        declarant: input.declarant,
        note: input.note ?? null,
        createdBy: userId,
      })
      .returning({ id: plotDeclarations.id });
    await recordAudit(tx, { entity: "plot", entityId: plotId, action: "plot.declaration_added", actor, after: input });
    return row.id;
  });
}

/** Stores legality documents (PDF or images) for the plot; a bad file refuses them all. */
export async function addDocuments(db: Db, plotId: number, files: UploadedFile[], actor: Actor, userId: number | null) {
  if (!files.length) throw new ApiError("validation_error", "certificates: send at least one legality document.");
  const checked = checkFiles(files, ["certificate"]);
  return withSavedFiles(checked, () =>
    db.transaction(async (tx) => {
      const rows = await tx
        .insert(plotDocuments)
        .values(
          checked.map((f) => ({
            plotId,
            filename: f.filename,
            contentType: f.contentType,
            sizeBytes: f.bytes.length,
            storageKey: f.key,
            createdBy: userId,
          })),
        )
        .returning({ id: plotDocuments.id });
      await recordAudit(tx, {
        entity: "plot",
        entityId: plotId,
        action: "plot.documents_added",
        actor,
        after: { documents: checked.map((f) => f.filename) },
      });
      return rows.map((r) => r.id);
    }),
  );
}

export async function getPlotDocument(db: Db, plotId: number, documentId: number) {
  const [file] = await db
    .select()
    .from(plotDocuments)
    .where(and(eq(plotDocuments.id, documentId), eq(plotDocuments.plotId, plotId)));
  return readFileRow(file, `Document ${documentId} of plot ${plotId} does not exist.`);
}

/** Each plot's newest declaration and its documents. */
export async function evidenceOf(db: Db, plotIds: number[]) {
  if (!plotIds.length) return { declarations: new Map(), documents: new Map() } as const;
  const [declared, files] = await Promise.all([
    db
      .select()
      .from(plotDeclarations)
      .where(inArray(plotDeclarations.plotId, plotIds))
      .orderBy(desc(plotDeclarations.id)),
    db
      .select({
        id: plotDocuments.id,
        plotId: plotDocuments.plotId,
        filename: plotDocuments.filename,
        sizeBytes: plotDocuments.sizeBytes,
      })
      .from(plotDocuments)
      .where(inArray(plotDocuments.plotId, plotIds))
      .orderBy(plotDocuments.id),
  ]);
  const declarations = new Map<number, typeof plotDeclarations.$inferSelect>();
  for (const d of declared) if (!declarations.has(d.plotId)) declarations.set(d.plotId, d);
  const documents = new Map<number, typeof files>();
  for (const f of files) documents.set(f.plotId, [...(documents.get(f.plotId) ?? []), f]);
  return { declarations, documents };
}
