// Every admin action (role change, deactivation, wallet link, API key created or revoked) writes an
// audit record naming the admin who acted; a refused or empty change writes none.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyAuditChain } from "@/lib/audit/record";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { updateUser } from "@/lib/auth/users";
import { auditRecords } from "@/lib/db/schema";

import { insertUser } from "./helpers/callers";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let adminId: number;
let userId: number;
const admin = () => ({ kind: "user" as const, id: String(adminId) });
const recordsFor = (entity: string, id: number) =>
  t.db
    .select()
    .from(auditRecords)
    .where(eq(auditRecords.entityId, String(id)))
    .then((rows) => rows.filter((r) => r.entity === entity));

beforeAll(async () => {
  t = await createTestDb();
  adminId = await insertUser(t.db, { email: "admin@audit.test", name: "Admin", role: "admin" });
  userId = await insertUser(t.db, { email: "op@audit.test", name: "Op", role: "viewer" });
});
afterAll(() => t.drop());

describe("admin actions are audited", () => {
  it("a role change, a deactivation, a reactivation and a wallet link each write one record by the admin", async () => {
    await updateUser(t.db, userId, { role: "operator" }, admin());
    await updateUser(t.db, userId, { is_active: false }, admin());
    await updateUser(
      t.db,
      userId,
      { is_active: true, link_wallet: "0x00000000000000000000000000000000000000AA" },
      admin(),
    );
    const rows = await recordsFor("user", userId);
    expect(rows.map((r) => [r.action, r.actorKind, r.actorId, r.before, r.after])).toEqual([
      ["user.role_changed", "user", String(adminId), { role: "viewer" }, { role: "operator" }],
      ["user.deactivated", "user", String(adminId), { is_active: true }, { is_active: false }],
      ["user.activated", "user", String(adminId), { is_active: false }, { is_active: true }],
      ["user.wallet_linked", "user", String(adminId), null, { wallet: "0x00000000000000000000000000000000000000aa" }],
    ]);
    expect((await verifyAuditChain(t.db)).brokenAt).toBeNull();
  });

  it("a change that changes nothing, or is refused, writes nothing", async () => {
    const before = (await recordsFor("user", userId)).length;
    await updateUser(
      t.db,
      userId,
      { role: "operator", link_wallet: "0x00000000000000000000000000000000000000aa" },
      admin(),
    );
    await expect(updateUser(t.db, 999_999, { role: "viewer" }, admin())).rejects.toThrow(/does not exist/);
    await expect(
      updateUser(t.db, adminId, { link_wallet: "0x00000000000000000000000000000000000000aa" }, admin()),
    ).rejects.toThrow(/is linked to user/);
    expect((await recordsFor("user", userId)).length).toBe(before);
    expect(await recordsFor("user", adminId)).toEqual([]);
  });

  it("creating and revoking an API key each write one record by the admin, without the key", async () => {
    const key = await createApiKey(t.db, { name: "ci", role: "viewer", createdBy: adminId }, admin());
    expect(await revokeApiKey(t.db, key.id, admin())).toEqual({ id: key.id });
    expect(await revokeApiKey(t.db, key.id, admin())).toBeNull();
    const rows = await recordsFor("api_key", key.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["api_key.created", String(adminId)],
      ["api_key.revoked", String(adminId)],
    ]);
    expect(rows[0].after).toEqual({ name: "ci", role: "viewer", prefix: key.prefix });
    expect(JSON.stringify(rows)).not.toContain(key.key);
  });
});
