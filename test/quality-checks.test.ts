import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";

import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth/caller";
import { everything } from "@/lib/auth/scope";
import { saveDraft } from "@/lib/batches/drafts";
import { ZNewBatch } from "@/lib/batches/schemas";
import { auditRecords, batchAlerts, batches, qualityCheckFiles, qualityChecks } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";
import { getQualityFile, listQualityChecks, readQualityCheckForm, recordQualityCheck } from "@/lib/quality/checks";
import { readFile } from "@/lib/storage/files";
import type { UploadedFile } from "@/lib/storage/form";
import { contentDisposition } from "@/lib/storage/uploads";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { insertStaff, staffCaller } from "./helpers/callers";
import { deployTestToken, indexerConfig } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

const system = { kind: "system" as const, id: "test" };

let t: TestDb;
let uploadDir: string;
let caller: Caller;
let mintedId: number;
let draftId: number;

const specialty = {
  cupping_score: 86.5,
  moisture_pct: 11,
  primary_defects: 0,
  secondary_defects: 3,
  screen_size: 17,
  screen_size_variance_pct: 2,
  quakers: 0,
};
const belowStandard = { ...specialty, cupping_score: 78, primary_defects: 9, secondary_defects: 30 };

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 255]);
const pdf = new TextEncoder().encode("%PDF-1.7\n%fake but well-formed enough\n");
const photo = (over: Partial<UploadedFile> = {}): UploadedFile => ({
  kind: "photo",
  filename: "beans.png",
  contentType: "image/png",
  bytes: png,
  ...over,
});

const counts = async () => {
  const n = async (table: typeof qualityChecks | typeof qualityCheckFiles | typeof auditRecords | typeof batchAlerts) =>
    (await t.db.select({ n: count() }).from(table))[0].n;
  return {
    checks: await n(qualityChecks),
    files: await n(qualityCheckFiles),
    audit: await n(auditRecords),
    alerts: await n(batchAlerts),
    disk: readdirSync(uploadDir).length,
  };
};

beforeAll(async () => {
  t = await createTestDb();
  uploadDir = mkdtempSync(path.join(tmpdir(), "batchtrail-uploads-"));
  vi.stubEnv("UPLOAD_DIR", uploadDir);
  vi.stubEnv("SUPABASE_URL", undefined);
  vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", undefined);
  [caller] = await insertStaff(t.db, [{ name: "Vera Verifier", email: "vera@example.com", role: "verifier" }]);

  const chain = await deployTestToken();
  const [batch] = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 7);
  const { tokenId } = await mintBatch(chain.target, chain.producer, batch);
  await indexToHead(indexerConfig(t.db, chain, 100));
  mintedId = (await t.db.select().from(batches).where(eq(batches.tokenId, tokenId.toString())))[0].id;
  const draft = ZNewBatch.parse({
    batch_code: "QC-DRAFT-1",
    origin_country: "Kenya",
    quantity_kg: "500.000",
    price_per_kg: "8.40",
    production_date: "2026-03-01",
    expiry_date: "2027-03-01",
  });
  draftId = (await saveDraft(t.db, 31337, draft, system)).id;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  rmSync(uploadDir, { recursive: true, force: true });
  await t.drop();
});

describe("quality checks", () => {
  it("stores a specialty check with its grade, inspector and audit record", async () => {
    const check = await recordQualityCheck(t.db, mintedId, specialty, [], caller);
    expect(check).toMatchObject({
      batch_id: mintedId,
      inspected_by: caller.kind === "user" && caller.user.id,
      grade: "specialty",
      full_defects: 3,
      rules_version: "sca-green-v1",
      cupping_score: 86.5,
      files: [],
    });
    const [audit] = await t.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.entity, "quality_check"), eq(auditRecords.entityId, String(check.id))));
    expect(audit).toMatchObject({
      entity: "quality_check",
      action: "quality_check.recorded",
      batchId: mintedId,
      actorKind: "user",
      actorId: String(check.inspected_by),
    });
    expect(audit.after).toMatchObject({ grade: "specialty", full_defects: 3, reasons: check.reasons });
    expect(await t.db.select().from(batchAlerts)).toHaveLength(0);
  });

  it("raises exactly one medium alert for a below-standard check", async () => {
    const check = await recordQualityCheck(t.db, mintedId, belowStandard, [], caller);
    expect(check.grade).toBe("below_standard");
    // The batch keeps its latest grade, so the inventory filters on it through an index.
    const [batch] = await t.db.select({ grade: batches.qualityGrade }).from(batches).where(eq(batches.id, mintedId));
    expect(batch.grade).toBe("below_standard");
    const alerts = await t.db.select().from(batchAlerts);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      batchId: mintedId,
      type: "quality_below_standard",
      severity: "medium",
      status: "open",
      source: `quality_check:${check.id}`,
    });
  });

  it("lists a batch's checks newest first", async () => {
    const list = await listQualityChecks(t.db, mintedId);
    expect(list.map((c) => c.grade)).toEqual(["below_standard", "specialty"]);
    await expect(listQualityChecks(t.db, 999_999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses bad scores, an unknown batch and a draft batch, writing nothing", async () => {
    const before = await counts();
    await expect(
      recordQualityCheck(t.db, mintedId, { ...specialty, cupping_score: 101 }, [photo()], caller),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      recordQualityCheck(t.db, mintedId, { ...specialty, moisture_pct: -1 }, [], caller),
    ).rejects.toBeInstanceOf(ZodError);
    const unknown = recordQualityCheck(t.db, 999_999, specialty, [photo()], caller);
    await expect(unknown).rejects.toBeInstanceOf(ApiError);
    await expect(unknown).rejects.toMatchObject({ code: "not_found" });
    await expect(recordQualityCheck(t.db, draftId, specialty, [photo()], caller)).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringMatching(/not minted yet/),
    });
    expect(await counts()).toEqual(before);
  });

  it("saves photos and certificates to the local disk and reads them back byte-identical", async () => {
    const check = await recordQualityCheck(
      t.db,
      mintedId,
      specialty,
      [photo(), { kind: "certificate", filename: "Q-grade.pdf", contentType: "application/pdf", bytes: pdf }],
      caller,
    );
    expect(check.files.map((f) => [f.kind, f.filename, f.content_type, f.size_bytes])).toEqual([
      ["photo", "beans.png", "image/png", png.length],
      ["certificate", "Q-grade.pdf", "application/pdf", pdf.length],
    ]);
    expect(check.files[0].url).toBe(`/api/files/${check.files[0].id}`);
    const served = await getQualityFile(t.db, check.files[1].id, everything);
    expect(served).toMatchObject({ filename: "Q-grade.pdf", contentType: "application/pdf" });
    expect(Buffer.from(served.bytes).equals(Buffer.from(pdf))).toBe(true);
    const [row] = await t.db.select().from(qualityCheckFiles).where(eq(qualityCheckFiles.id, check.files[0].id));
    expect(Buffer.from((await readFile(row.storageKey))!.bytes).equals(Buffer.from(png))).toBe(true);
    await expect(getQualityFile(t.db, 999_999, everything)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a fake PDF by its bytes, naming the file, and writes nothing", async () => {
    const before = await counts();
    const withFiles = (files: UploadedFile[]) => recordQualityCheck(t.db, mintedId, specialty, files, caller);
    const fake = {
      kind: "certificate" as const,
      filename: "lab-report.pdf",
      contentType: "application/pdf",
      bytes: new TextEncoder().encode("<html>not a pdf</html>"),
    };
    await expect(withFiles([photo(), fake])).rejects.toMatchObject({
      code: "validation_error",
      message: expect.stringContaining("lab-report.pdf"),
    });
    await expect(withFiles([photo({ contentType: "image/jpeg" })])).rejects.toMatchObject({ code: "validation_error" });
    await expect(
      withFiles([photo({ kind: "photo", filename: "c.pdf", contentType: "application/pdf", bytes: pdf })]),
    ).rejects.toMatchObject({ code: "validation_error" });
    await expect(withFiles(Array.from({ length: 6 }, () => photo()))).rejects.toMatchObject({
      code: "validation_error",
    });
    vi.stubEnv("UPLOAD_MAX_BYTES", "8");
    await expect(withFiles([photo()])).rejects.toMatchObject({
      code: "validation_error",
      message: expect.stringContaining("beans.png"),
    });
    vi.stubEnv("UPLOAD_MAX_BYTES", undefined);
    expect(await counts()).toEqual(before);
  });

  it("deletes the saved files when the transaction fails", async () => {
    const before = await counts();
    const ghost = staffCaller({ id: 999_999, name: "Nobody", email: null, role: "verifier" });
    await expect(recordQualityCheck(t.db, mintedId, specialty, [photo()], ghost)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("reads a multipart body: the check as JSON, photos and certificates, skipping empty file inputs", async () => {
    const form = new FormData();
    form.set("check", JSON.stringify(specialty));
    form.append("photos", new File([png], "beans.png", { type: "image/png" }));
    form.append("certificates", new File([], ""));
    const { input, files } = await readQualityCheckForm(new Request("http://test/x", { method: "POST", body: form }));
    expect(input).toEqual(specialty);
    expect(files).toEqual([{ kind: "photo", filename: "beans.png", contentType: "image/png", bytes: png }]);
    form.set("check", "{not json");
    await expect(
      readQualityCheckForm(new Request("http://test/x", { method: "POST", body: form })),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("stores a path-traversal-looking filename under a random key inside the upload dir", async () => {
    const check = await recordQualityCheck(
      t.db,
      mintedId,
      specialty,
      [photo({ filename: "../../etc/passwd.png" })],
      caller,
    );
    const [row] = await t.db.select().from(qualityCheckFiles).where(eq(qualityCheckFiles.id, check.files[0].id));
    expect(row.filename).toBe("passwd.png");
    expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(readdirSync(uploadDir)).toContain(row.storageKey);
    await expect(readFile("../../etc/passwd")).rejects.toBeInstanceOf(ZodError);
    expect(contentDisposition('a"b\r\nx;é.png')).toBe(
      `inline; filename="a_b__x__.png"; filename*=UTF-8''a%22b%0D%0Ax%3B%C3%A9.png`,
    );
  });
});
