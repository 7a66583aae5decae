// Verification requests against real Postgres and anvil: the count compared with the chain read at
// processing time, the 409 race, alerts and their resolution, and the append-only audit log.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listAlerts, resolveAlert, resolveOpenAlerts } from "@/lib/alerts/alerts";
import { raiseAlert } from "@/lib/alerts/raise";
import { auditHistory } from "@/lib/audit/history";
import { recordAudit, verifyAuditChain } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { batchTokenAbi } from "@/lib/chain/abi";
import { kgToGrams } from "@/lib/chain/units";
import { auditRecords, batchAlerts, batches, verificationRequests } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";
import { recordQualityCheck } from "@/lib/quality/checks";
import { judgeCount, processRequest, requestVerification } from "@/lib/verification/requests";
import { defaultResolutionNote, ZProcessRequest, ZResolveAlert } from "@/lib/verification/schemas";
import { verifyBatch } from "@/lib/verification/verify";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { insertStaff } from "./helpers/callers";
import { deployTestToken, indexerConfig, tokenHandle, type TestToken } from "./helpers/chain";
import { createTestDb, withoutTriggers, type TestDb } from "./helpers/db";

let t: TestDb;
let chain: TestToken;
let verifier: Caller;
let operator: Caller;
// Batches not yet past their expiry date: an expired batch is not counted.
const list = demoBatches(30, new Date(), 21)
  .filter((b) => b.expiryDate > new Date().toISOString().slice(0, 10))
  .slice(0, 3);
const ids: number[] = [];

const handleOf = () => tokenHandle(chain);
/** The verifier records a count for a request, with a 0.5% tolerance. */
const verifierCounts = (requestId: number, actual_quantity: string) =>
  processRequest(t.db, handleOf(), requestId, { actual_quantity }, "0.5", verifier);
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      [verificationRequests, batchAlerts, auditRecords].map(async (table) => [
        String(table),
        (await t.db.select({ n: count() }).from(table))[0].n,
      ]),
    ),
  );

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  for (const b of list) await mintBatch(chain.target, chain.producer, { ...b, state: "active" } as never);
  await indexToHead(indexerConfig(t.db, chain, 100));
  [verifier, operator] = await insertStaff(t.db, [
    { name: "Vera Verifier", email: "vera@example.com", role: "verifier" },
    { name: "Otto Operator", email: "otto@example.com", role: "operator" },
  ]);
  ids.push(...(await t.db.select({ id: batches.id }).from(batches).orderBy(batches.tokenId)).map((r) => r.id));
});
afterAll(() => t.drop());

describe("judging a count", () => {
  it("is exact: grams and thousandths of a percent, no floats", () => {
    // 1,000 kg on chain, 0.5% tolerance; the counted quantity against what the batch says it holds.
    const judged = (counted: string, recorded = "1000.000") => judgeCount(1_000_000n, recorded, counted, "0.5");
    expect(judged("1000.000")).toMatchObject({ isApproved: true, discrepancyKg: "0.000", discrepancyPct: "0.000" });
    expect(judged("1005.000")).toMatchObject({ isApproved: true, discrepancyKg: "5.000", discrepancyPct: "0.500" });
    expect(judged("1005.001")).toMatchObject({ isApproved: false, discrepancyKg: "5.001", severity: "medium" });
    expect(judged("940")).toMatchObject({
      isApproved: false,
      discrepancyKg: "-60.000",
      discrepancyPct: "6.000",
      severity: "critical",
    });
    expect(judged("1000", "999.000")).toMatchObject({ isApproved: false });
  });
});

describe("verification requests", () => {
  it("are refused for bad counts with a message, writing nothing", () => {
    for (const bad of [-5, "-5", "abc", "1.2345", "", "1e3", null, true, "123456789012"])
      expect(ZProcessRequest.safeParse({ actual_quantity: bad }).success, String(bad)).toBe(false);
    expect(ZProcessRequest.parse({ actual_quantity: "1250.5" }).actual_quantity).toBe("1250.5");
  });

  it("take a count as a JSON number (seed 000), by its shortest decimal form, within 3 decimals", () => {
    const read = (n: number) => ZProcessRequest.parse({ actual_quantity: n }).actual_quantity;
    expect([read(1250.5), read(1250), read(0.001), read(99_999_999_999.999), read(0)]).toEqual([
      "1250.5",
      "1250",
      "0.001",
      "99999999999.999",
      "0",
    ]);
    // More decimals than a gram, negative, not finite, or beyond the cap: refused, as the string would be.
    for (const bad of [1.2345, 0.0001, 1e-7, -5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 123_456_789_012, 1e21]) {
      expect(ZProcessRequest.safeParse({ actual_quantity: bad }).success, String(bad)).toBe(false);
    }
  });

  it("a count within the tolerance of the chain's quantity approves, and the batch is verified", async () => {
    const { request, isNew } = await requestVerification(t.db, ids[0], "yearly count", operator);
    expect(isNew).toBe(true);
    expect(request).toMatchObject({ status: "pending", batch_id: ids[0], requested_by: "otto@example.com" });
    expect((await requestVerification(t.db, ids[0], undefined, operator)).isNew).toBe(false);

    const done = await verifierCounts(request.id, list[0].quantityKg);
    expect(done).toMatchObject({
      status: "approved",
      onchain_quantity_kg: list[0].quantityKg,
      discrepancy_kg: "0.000",
      processed_by: "vera@example.com",
    });
    const [batch] = await t.db.select().from(batches).where(eq(batches.id, ids[0]));
    expect(batch.verificationStatus).toBe("verified");
    expect(await listAlerts(t.db, ids[0])).toEqual([]);
  });

  it("reads the chain at processing time: a quantity adjusted on chain since the request counts", async () => {
    const { request } = await requestVerification(t.db, ids[1], undefined, operator);
    const [batch] = await t.db.select().from(batches).where(eq(batches.id, ids[1]));
    const more = kgToGrams(list[1].quantityKg) + 50_000n;
    const hash = await chain.wallet(chain.admin).writeContract({
      address: chain.address,
      abi: batchTokenAbi,
      chain: chain.client.chain,
      functionName: "adjustInventory",
      args: [BigInt(batch.tokenId!), more, "found more"],
    });
    await chain.client.waitForTransactionReceipt({ hash });
    // Not indexed yet: the off-chain record still holds the old quantity, so the two disagree.
    const done = await verifierCounts(request.id, list[1].quantityKg);
    expect(done.status).toBe("rejected");
    expect(done.onchain_quantity_kg).not.toBe(list[1].quantityKg);
    expect(done.decision_reason).toMatch(/off-chain record says/);
  });

  it("a mismatching count rejects, raises one alert, and a second processing is a 409 that writes nothing", async () => {
    const { request } = await requestVerification(t.db, ids[2], undefined, operator);
    const done = await verifierCounts(request.id, "1");
    expect(done).toMatchObject({ status: "rejected" });
    const alerts = await listAlerts(t.db, ids[2]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      type: "quantity_discrepancy",
      severity: "critical",
      status: "open",
      source: `verification_request:${request.id}`,
    });

    const before = await counts();
    await expect(verifierCounts(request.id, "2")).rejects.toMatchObject({ code: "conflict" });
    await expect(verifierCounts(999_999, "2")).rejects.toMatchObject({ code: "not_found" });
    expect(await counts()).toEqual(before);
  });

  it("many verifiers processing one request at once: exactly one is applied, the rest get 409", async () => {
    const { request } = await requestVerification(t.db, ids[0], undefined, operator);
    const before = await counts();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => verifierCounts(request.id, String(100 + i))),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    expect(lost.every((r) => r.reason.code === "conflict")).toBe(true);
    const after = await counts();
    expect(after[String(auditRecords)]).toBe(before[String(auditRecords)] + 2); // the decision and its alert
    const [stored] = await t.db.select().from(verificationRequests).where(eq(verificationRequests.id, request.id));
    expect(stored.actualQuantityKg).toBe(
      (won[0] as PromiseFulfilledResult<{ actual_quantity_kg: string }>).value.actual_quantity_kg,
    );
  });

  it("an alert is resolved with a note, once, audited, and stays in history", async () => {
    expect(ZResolveAlert.safeParse({ alert_id: 1, note: "   " }).success).toBe(false);
    const [alert] = await listAlerts(t.db, ids[2]);
    const userId = operator.kind === "user" ? operator.user.id : null;
    const resolved = await resolveAlert(t.db, ids[2], alert.id, "Recounted: a pallet was in the other bay.", userId, {
      kind: "user",
      id: String(userId),
    });
    expect(resolved).toMatchObject({
      id: alert.id,
      status: "resolved",
      resolution_note: "Recounted: a pallet was in the other bay.",
      resolved_by: userId,
    });

    const before = await counts();
    await expect(
      resolveAlert(t.db, ids[2], alert.id, "again", userId, { kind: "user", id: String(userId) }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      resolveAlert(t.db, ids[1], alert.id, "wrong batch", userId, { kind: "user", id: String(userId) }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await counts()).toEqual(before);
    expect((await listAlerts(t.db, ids[2])).map((a) => a.status)).toEqual(["resolved"]);
    const audited = (await auditHistory(t.db, ids[2])).find((h) => h.action === "alert.resolved");
    expect(audited).toMatchObject({
      note: "Recounted: a pallet was in the other bay.",
      actor: { kind: "user", label: "otto@example.com" },
    });
  });
});

describe("resolving without an alert id (seed 000's empty body)", () => {
  it("reads as every open alert, with a note that says so; an alert id still needs a note", () => {
    expect(ZResolveAlert.parse({})).toEqual({ alert_id: undefined, note: defaultResolutionNote });
    expect(ZResolveAlert.parse({ note: "Counted again." })).toEqual({ alert_id: undefined, note: "Counted again." });
    expect(ZResolveAlert.parse({ alert_id: "7", note: "ok" })).toEqual({ alert_id: 7, note: "ok" });
    expect(ZResolveAlert.safeParse({ alert_id: 7 }).error?.issues).toMatchObject([
      { path: ["note"], message: "is required: say how the alert was resolved" },
    ]);
  });

  it("resolves every open alert of the batch, each audited with the note, and no other batch's", async () => {
    const system = { kind: "system" as const, id: "test" };
    const raise = (batchId: number, source: string) =>
      raiseAlert(t.db, { batchId, type: "sync_error", severity: "low", source, message: `test ${source}` }, system);
    const mine = [await raise(ids[1], "seed-a"), await raise(ids[1], "seed-b")];
    const other = await raise(ids[0], "seed-c");
    const userId = operator.kind === "user" ? operator.user.id : null;
    const resolved = await resolveOpenAlerts(t.db, ids[1], defaultResolutionNote, userId, {
      kind: "user",
      id: String(userId),
    });
    expect(resolved.map((a) => a.id)).toEqual(expect.arrayContaining(mine));
    expect(
      resolved.every(
        (a) => a.status === "resolved" && a.resolution_note === defaultResolutionNote && a.resolved_by === userId,
      ),
    ).toBe(true);
    expect((await listAlerts(t.db, ids[1])).filter((a) => a.status === "open")).toEqual([]);
    expect((await listAlerts(t.db, ids[0])).find((a) => a.id === other)?.status).toBe("open");
    const audited = (await auditHistory(t.db, ids[1])).filter(
      (h) => h.action === "alert.resolved" && mine.includes(Number(h.entity_id)),
    );
    expect(audited.map((h) => h.note)).toEqual([defaultResolutionNote, defaultResolutionNote]);
    // Nothing open is nothing to do; an unknown batch is a 404.
    expect(await resolveOpenAlerts(t.db, ids[1], "again", userId, { kind: "user", id: String(userId) })).toEqual([]);
    await expect(
      resolveOpenAlerts(t.db, 999_999, "x", userId, { kind: "user", id: String(userId) }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("full verification", () => {
  it("runs five named checks, stores the fraud assessment, sets the status and audits it", async () => {
    await recordQualityCheck(
      t.db,
      ids[0],
      { cupping_score: 86.5, moisture_pct: 10.5, primary_defects: 0, secondary_defects: 2, screen_size: 16 },
      [],
      verifier,
    );
    const result = await verifyBatch(t.db, handleOf(), ids[0], verifier);
    expect(result.checks.map((c) => c.name)).toEqual(["quantity", "metadata", "dates", "quality", "fraud"]);
    expect(result.checks.find((c) => c.name === "quantity")).toMatchObject({ passed: true });
    expect(result.checks.find((c) => c.name === "metadata")).toMatchObject({ passed: true });
    expect(result.checks.find((c) => c.name === "quality")).toMatchObject({
      passed: true,
      detail: expect.stringMatching(/specialty/),
    });
    expect(result.passed).toBe(result.checks.every((c) => c.passed));
    const [batch] = await t.db.select().from(batches).where(eq(batches.id, ids[0]));
    expect(batch.verificationStatus).toBe(result.passed ? "verified" : "failed");
    expect((await auditHistory(t.db, ids[0])).at(-1)).toMatchObject({
      action: result.passed ? "verification.passed" : "verification.failed",
    });
    expect(result.fraud_assessment.factors).toHaveLength(6);
  });

  it("fails a batch whose chain quantity moved, and one whose record no longer matches its hash, with one alert", async () => {
    const moved = await verifyBatch(t.db, handleOf(), ids[1], verifier);
    expect(moved).toMatchObject({ passed: false, verification_status: "failed" });
    expect(moved.checks.find((c) => c.name === "quantity")).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/chain says/),
    });

    await t.db.update(batches).set({ warehouse: "Somewhere Else" }).where(eq(batches.id, ids[0]));
    const tampered = await verifyBatch(t.db, handleOf(), ids[0], verifier);
    expect(tampered.checks.find((c) => c.name === "metadata")).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/warehouse/),
    });
    await verifyBatch(t.db, handleOf(), ids[0], verifier);
    const alerts = (await listAlerts(t.db, ids[0])).filter((a) => a.type === "metadata_mismatch");
    expect(alerts).toHaveLength(1);
  });

  it("refuses an unknown batch with a 404, writing nothing", async () => {
    const before = await counts();
    await expect(verifyBatch(t.db, handleOf(), 999_999, verifier)).rejects.toMatchObject({ code: "not_found" });
    expect(await counts()).toEqual(before);
  });
});

describe("the audit log", () => {
  it("holds every change to a batch, by whom, before and after, in a hash chain", async () => {
    const history = await auditHistory(t.db, ids[2]);
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["verification.requested", "verification.rejected", "alert.raised"]),
    );
    const rejected = history.find((h) => h.action === "verification.rejected")!;
    expect(rejected).toMatchObject({
      actor: { kind: "user", label: "vera@example.com" },
      before: { status: "pending" },
      after: { status: "rejected", actual_quantity_kg: "1" },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ brokenAt: null });
  });

  it("writers appending at once get consecutive positions, each record chained to the one before", async () => {
    const before = (await t.db.select({ n: count() }).from(auditRecords))[0].n;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction((tx) =>
          recordAudit(tx, {
            entity: "test",
            entityId: i,
            action: "test.concurrent",
            actor: { kind: "system", id: "test" },
          }),
        ),
      ),
    );
    const positions = (
      await t.db.select({ p: auditRecords.position }).from(auditRecords).orderBy(auditRecords.position)
    ).map((r) => r.p);
    expect(positions).toEqual(Array.from({ length: before + 12 }, (_, i) => i + 1));
    expect(await verifyAuditChain(t.db)).toMatchObject({ records: before + 12, brokenAt: null });
  });

  it("refuses UPDATE, DELETE and TRUNCATE, and a record changed behind its back breaks the chain", async () => {
    const before = await t.db.select().from(auditRecords).orderBy(auditRecords.position);
    await expect(t.pool.query("update audit_records set note = 'edited' where position = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.pool.query("delete from audit_records where position = 1")).rejects.toThrow(/append-only/);
    await expect(t.pool.query("truncate audit_records cascade")).rejects.toThrow(/append-only/);
    expect(await t.db.select().from(auditRecords).orderBy(auditRecords.position)).toEqual(before);

    // Only by switching the triggers off (as a database owner could) can a record change; the chain shows where.
    await withoutTriggers(t, "update audit_records set note = 'edited' where position = 2");
    expect(await verifyAuditChain(t.db)).toMatchObject({ brokenAt: 2 });
  });
});
