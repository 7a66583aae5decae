// The public trace tells each step once: a verification run again, or a quality grade recorded
// twice alike, is one step ("3 times, last on …"), not a list of repeats.
import { afterAll, beforeAll, expect, it } from "vitest";

import { recordAudit } from "@/lib/audit/record";
import { getTrace } from "@/lib/provenance/trace";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it("tells a step repeated back to back once, with how many times and when last", async () => {
  const [batch] = await insertBatches(t.db, [makeBatch({ region: "Nyeri", originCountry: "Kenya" })]);
  const entry = (action: string, after: Record<string, unknown> = {}) => ({
    entity: "batch",
    entityId: batch.id,
    batchId: batch.id,
    action,
    actor: { kind: "system" as const, id: "test" },
    after,
  });
  await recordAudit(t.db, entry("chain.BatchCreated"));
  await recordAudit(t.db, entry("quality_check.recorded", { grade: "specialty", cupping_score: "86.5" }));
  await recordAudit(t.db, entry("verification.passed"));
  await recordAudit(t.db, entry("verification.passed"));
  await recordAudit(t.db, entry("verification.passed"));
  await recordAudit(t.db, entry("quality_check.recorded", { grade: "premium", cupping_score: "83" }));

  const trace = await getTrace(t.db, batch.batchCode, null);
  expect(trace!.timeline.map((s) => [s.title, s.times])).toEqual([
    ["Minted on chain", 1],
    ["Quality graded", 1],
    ["Passed full verification", 3],
    ["Quality graded", 1],
  ]);
});
