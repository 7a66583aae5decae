// System alerts as the admin page reads and resolves them: newest first in pages, filtered by status,
// resolved once with a note (audited); a refused resolution changes nothing, and a resolved cause may
// open again.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listSystemAlerts, raiseSystemAlert, resolveSystemAlert } from "@/lib/alerts/system";
import { ApiError } from "@/lib/api/errors";
import { auditRecords, systemAlerts } from "@/lib/db/schema";

import { insertUser } from "./helpers/callers";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let adminId: number;
let first: number;
let second: number;

const raise = (source: string) =>
  raiseSystemAlert(t.db, {
    type: "audit_chain_broken",
    severity: "critical",
    source,
    message: `The audit chain breaks at ${source}.`,
    details: { position: source },
  });
const snapshot = async () => ({
  alerts: await t.db.select().from(systemAlerts).orderBy(systemAlerts.id),
  audits: await t.db.$count(auditRecords),
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    },
  );

beforeAll(async () => {
  t = await createTestDb();
  adminId = await insertUser(t.db, { email: "admin@system-alerts.test", name: "Ada Admin", role: "admin" });
  first = (await raise("position:3"))!;
  second = (await raise("position:9"))!;
});
afterAll(() => t.drop());

describe("system alerts", () => {
  it("lists newest first, one page at a time, and by status", async () => {
    const page1 = await listSystemAlerts(t.db, { limit: 1 });
    expect(page1.data.map((a) => a.id)).toEqual([second]);
    expect(page1.next_cursor).not.toBeNull();
    const page2 = await listSystemAlerts(t.db, { limit: 1, cursor: page1.next_cursor! });
    expect(page2.data.map((a) => a.id)).toEqual([first]);
    expect(page2.next_cursor).toBeNull();
    expect((await listSystemAlerts(t.db, { status: "open", limit: 10 })).data).toHaveLength(2);
    expect((await listSystemAlerts(t.db, { status: "resolved", limit: 10 })).data).toEqual([]);
  });

  it("refuses a note shorter than 3 or longer than 500 characters, changing nothing", async () => {
    const before = await snapshot();
    for (const note of ["", "  ok  ", "x".repeat(501)]) {
      const e = await refusal(resolveSystemAlert(t.db, first, note, adminId));
      expect(e.code).toBe("validation_error");
      expect(e.message).toMatch(/^note: must be at (least 3|most 500) characters/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an alert that does not exist with a 404", async () => {
    const e = await refusal(resolveSystemAlert(t.db, 999_999, "Checked by hand.", adminId));
    expect(e.code).toBe("not_found");
  });

  it("resolves an open alert with the note, audited by the admin", async () => {
    const resolved = await resolveSystemAlert(t.db, first, "  Restored the log from backup.  ", adminId);
    expect(resolved).toMatchObject({
      id: first,
      status: "resolved",
      resolved_by: adminId,
      resolved_by_name: "Ada Admin",
      resolution_note: "Restored the log from backup.",
    });
    expect(resolved.resolved_at).not.toBeNull();
    const audits = await t.db
      .select()
      .from(auditRecords)
      .where(eq(auditRecords.entityId, String(first)));
    expect(audits.filter((r) => r.entity === "system_alert")).toEqual([
      expect.objectContaining({
        action: "system_alert.resolved",
        actorKind: "user",
        actorId: String(adminId),
        note: "Restored the log from backup.",
      }),
    ]);
    const resolvedList = await listSystemAlerts(t.db, { status: "resolved", limit: 10 });
    expect(resolvedList.data.map((a) => a.id)).toEqual([first]);
    expect((await listSystemAlerts(t.db, { status: "open", limit: 10 })).data.map((a) => a.id)).toEqual([second]);
  });

  it("refuses a second resolution with a 409 naming when and by whom, changing nothing", async () => {
    const before = await snapshot();
    const e = await refusal(resolveSystemAlert(t.db, first, "Resolved again.", adminId));
    expect(e.code).toBe("conflict");
    const resolvedAt = before.alerts.find((a) => a.id === first)!.resolvedAt!.toISOString();
    expect(e.message).toBe(`System alert ${first} was already resolved at ${resolvedAt} by Ada Admin.`);
    expect(await snapshot()).toEqual(before);
  });

  it("opens a new alert for the same cause once the old one is resolved, but not twice while open", async () => {
    const again = await raise("position:3");
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
    expect(await raise("position:3")).toBeNull();
    const open = await listSystemAlerts(t.db, { status: "open", limit: 10 });
    expect(open.data.map((a) => a.id)).toEqual([again, second]);
  });
});
