// What a full verification and a count request may change: no quality check is no failure, a
// pending count is never overridden, a verified batch stays verified when a count is asked for,
// and a redeemed or expired batch cannot be counted.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditHistory } from "@/lib/audit/history";
import type { Caller } from "@/lib/auth/caller";
import { batches, verificationRequests } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";
import { processRequest, requestVerification } from "@/lib/verification/requests";
import { verifyBatch } from "@/lib/verification/verify";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { insertStaff } from "./helpers/callers";
import { deployTestToken, indexerConfig, tokenHandle, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let chain: TestToken;
let operator: Caller;
const ids: number[] = [];
const handleOf = () => tokenHandle(chain);
const statusOf = async (id: number) => (await t.db.select().from(batches).where(eq(batches.id, id)))[0];

beforeAll(async () => {
  t = await createTestDb();
  chain = await deployTestToken();
  const today = new Date().toISOString().slice(0, 10);
  const list = demoBatches(40, new Date(), 27)
    .filter((b) => b.expiryDate > today)
    .slice(0, 5);
  for (const b of list) await mintBatch(chain.target, chain.producer, b);
  await indexToHead(indexerConfig(t.db, chain, 100));
  [operator] = await insertStaff(t.db, [{ name: "Otto Operator", email: "otto@example.com", role: "operator" }]);
  ids.push(...(await t.db.select({ id: batches.id }).from(batches).orderBy(batches.tokenId)).map((r) => r.id));
});
afterAll(() => t.drop());

describe("a full verification", () => {
  it("of a batch with no quality check is incomplete, not failed, and leaves its status", async () => {
    const result = await verifyBatch(t.db, handleOf(), ids[0], operator);
    expect(result.checks.find((c) => c.name === "quality")).toMatchObject({ passed: false, isMissing: true });
    expect(result).toMatchObject({ outcome: "incomplete", passed: false, verification_status: "unverified" });
    expect((await statusOf(ids[0])).verificationStatus).toBe("unverified");
    expect((await auditHistory(t.db, ids[0])).at(-1)).toMatchObject({ action: "verification.incomplete" });
  });

  it("never overrides a count still pending: the count decides", async () => {
    await requestVerification(t.db, ids[1], undefined, operator);
    expect((await statusOf(ids[1])).verificationStatus).toBe("pending");
    const result = await verifyBatch(t.db, handleOf(), ids[1], operator);
    expect(result.verification_status).toBe("pending");
    expect(result.note).toMatch(/A count is pending/);
    expect((await statusOf(ids[1])).verificationStatus).toBe("pending");
  });
});

describe("requesting a count", () => {
  it("of a verified batch keeps it verified until the count decides", async () => {
    await t.db.update(batches).set({ verificationStatus: "verified" }).where(eq(batches.id, ids[2]));
    const { request } = await requestVerification(t.db, ids[2], undefined, operator);
    expect(request.status).toBe("pending");
    expect((await statusOf(ids[2])).verificationStatus).toBe("verified");
  });

  it.each(["redeemed", "expired"] as const)("of a %s batch is refused with 422 and writes nothing", async (status) => {
    const id = status === "redeemed" ? ids[3] : ids[4];
    await t.db.update(batches).set({ status }).where(eq(batches.id, id));
    await expect(requestVerification(t.db, id, undefined, operator)).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringContaining(status),
    });
    expect(await t.db.select().from(verificationRequests).where(eq(verificationRequests.batchId, id))).toEqual([]);
    expect((await statusOf(id)).verificationStatus).toBe("unverified");
  });

  it("keeps the requester's note and the verifier's note apart, each with its author", async () => {
    const [verifier] = await insertStaff(t.db, [
      { name: "Vera Verifier", email: "vera@example.com", role: "verifier" },
    ]);
    const { request } = await requestVerification(t.db, ids[0], "please count before shipping", operator);
    const [batch] = await t.db.select().from(batches).where(eq(batches.id, ids[0]));
    const done = await processRequest(
      t.db,
      handleOf(),
      request.id,
      { actual_quantity: batch.quantityKg, notes: "bags re-stacked" },
      "0.5",
      verifier,
    );
    expect(done).toMatchObject({
      notes: "please count before shipping",
      requested_by: "otto@example.com",
      process_notes: "bags re-stacked",
      processed_by: "vera@example.com",
    });
  });

  it("of a batch past its expiry date the chain has not marked yet is refused too", async () => {
    await t.db
      .update(batches)
      .set({ status: "active", expiryDate: "2020-01-01", productionDate: "2019-01-01" })
      .where(eq(batches.id, ids[4]));
    await expect(requestVerification(t.db, ids[4], undefined, operator)).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringMatching(/expired on 2020-01-01/),
    });
  });
});
