// Who sees what: the scope of an organisation's member on every read it reaches (list, get, export,
// events, requests, alerts, labels, proofs, activity, dashboard figures, analytics), and the
// admin's approval of a pending wallet.
import { eq } from "drizzle-orm";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { listRecentActivities } from "@/lib/activities/recent";
import { listOpenAlerts } from "@/lib/alerts/alerts";
import { getChart, listCharts } from "@/lib/analytics/charts";
import { ZAnalyticsFilters } from "@/lib/analytics/schemas";
import { recordAudit } from "@/lib/audit/record";
import { everything, scopeOfUser, type Scope } from "@/lib/auth/scope";
import { updateUser, userForWallet } from "@/lib/auth/users";
import { exportBatchesCsv } from "@/lib/batches/export";
import { getBatch } from "@/lib/batches/get";
import { listBatches, listFilterOptions } from "@/lib/batches/list";
import { ZBatchExportQuery, ZBatchListQuery } from "@/lib/batches/schemas";
import { createChainClient } from "@/lib/chain/client";
import { getDashboardMetrics } from "@/lib/dashboard/metrics";
import {
  auditRecords,
  batchAlerts,
  blockchainEvents,
  organisations,
  organisationWallets,
  users,
  verificationRequests,
  wallets,
} from "@/lib/db/schema";
import { listEvents } from "@/lib/events/list";
import { ZEventListQuery } from "@/lib/events/schemas";
import { listLabels } from "@/lib/labels/batches";
import { approvePending, createOrganisation, moveUser } from "@/lib/organisations/organisations";
import { ZApproval, ZNewOrganisation } from "@/lib/organisations/schemas";
import { getProof } from "@/lib/provenance/proof";
import { listRequests } from "@/lib/verification/requests";
import { ZRequestListQuery } from "@/lib/verification/schemas";

import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

const contract = "0x00000000000000000000000000000000000000c0" as Address;
const key = { chainId: 31337, address: contract };
const walletA = `0x${"a".repeat(40)}`;
const walletB = `0x${"b".repeat(40)}`;
const stranger = `0x${"c".repeat(40)}`;
const today = new Date().toISOString().slice(0, 10);

let t: TestDb;
let scopeA: Scope;
let ids: { a: number[]; b: number[]; other: number[] };
const codes = (rows: { batch_code: string }[]) => rows.map((r) => r.batch_code).sort();

beforeAll(async () => {
  t = await createTestDb();
  const actor = { kind: "system" as const };
  const a = await createOrganisation(t.db, { name: "Cooperative A", kind: "cooperative" }, actor);
  const b = await createOrganisation(t.db, { name: "Exporter B", kind: "exporter" }, actor);
  await t.db.insert(organisationWallets).values([
    { address: walletA, organisationId: a.id },
    { address: walletB, organisationId: b.id },
  ]);
  scopeA = { kind: "organisation", organisationId: a.id };
  const rows = await insertBatches(t.db, [
    ...[1, 2, 3].map((i) =>
      makeBatch({
        batchCode: `ORG-A-${i}`,
        ownerAddress: walletA,
        originCountry: "Kenya",
        quantityKg: "100.000",
        pricePerKg: "5.00",
        warehouse: "Mombasa",
      }),
    ),
    ...[1, 2].map((i) =>
      makeBatch({
        batchCode: `ORG-B-${i}`,
        ownerAddress: walletB,
        originCountry: "Colombia",
        quantityKg: "700.000",
        warehouse: "Cartagena",
      }),
    ),
    makeBatch({ batchCode: "ORG-OTHER", ownerAddress: stranger, originCountry: "Brazil" }),
    makeBatch({ batchCode: "ORG-DRAFT", tokenId: null, status: "draft", originCountry: "Peru" }),
  ]);
  const byPrefix = (p: string) => rows.filter((r) => r.batchCode.startsWith(p)).map((r) => r.id);
  ids = { a: byPrefix("ORG-A"), b: byPrefix("ORG-B"), other: byPrefix("ORG-OTHER") };
  // One of each thing a batch has, for A's first batch and B's first batch.
  for (const [i, batchId] of [ids.a[0], ids.b[0]].entries()) {
    const row = rows.find((r) => r.id === batchId)!;
    await t.db.insert(verificationRequests).values({ batchId });
    await t.db.insert(batchAlerts).values({
      batchId,
      type: "quantity_discrepancy",
      severity: "high",
      source: "test",
      message: `alert ${row.batchCode}`,
    });
    await t.db.insert(blockchainEvents).values({
      chainId: 31337,
      contractAddress: contract,
      blockNumber: BigInt(10 + i),
      blockHash: `0x${String(i).repeat(64)}`,
      txHash: `0x${String(i + 3).repeat(64)}`,
      logIndex: 0,
      name: "BatchCreated",
      tokenId: row.tokenId,
      args: {},
      status: "processed",
    });
    await recordAudit(t.db, {
      entity: "batch",
      entityId: batchId,
      batchId,
      action: "batch.noted",
      actor,
      note: row.batchCode,
    });
  }
  // An event of no batch (a role granted): the operating company's business only.
  await t.db.insert(blockchainEvents).values({
    chainId: 31337,
    contractAddress: contract,
    blockNumber: 20n,
    blockHash: `0x${"9".repeat(64)}`,
    txHash: `0x${"8".repeat(64)}`,
    logIndex: 0,
    name: "RoleGranted",
    tokenId: null,
    args: {},
    status: "processed",
  });
});
afterAll(() => t.drop());

describe("an organisation's scope", () => {
  it("lists exactly the batches its wallets hold or held; staff see every one; a pending wallet none", async () => {
    const list = (scope: Scope) => listBatches(t.db, ZBatchListQuery.parse({ limit: "100", q: "ORG-" }), scope);
    expect(codes((await list(scopeA)).data)).toEqual(["ORG-A-1", "ORG-A-2", "ORG-A-3"]);
    expect((await list(everything)).data).toHaveLength(7);
    expect((await list({ kind: "none" })).data).toEqual([]);
    // Filters and paging still apply inside the scope.
    const page = await listBatches(
      t.db,
      ZBatchListQuery.parse({ limit: "2", sort: "batch_code", order: "asc" }),
      scopeA,
    );
    expect(codes(page.data)).toEqual(["ORG-A-1", "ORG-A-2"]);
    const rest = await listBatches(
      t.db,
      ZBatchListQuery.parse({ limit: "2", sort: "batch_code", order: "asc", cursor: page.next_cursor! }),
      scopeA,
    );
    expect(codes(rest.data)).toEqual(["ORG-A-3"]);
    expect(rest.next_cursor).toBeNull();
    expect(await listFilterOptions(t.db, scopeA)).toEqual({ origins: ["Kenya"], warehouses: ["Mombasa"] });
  });

  it("gets its own batch, and another organisation's is not found, as a missing one is", async () => {
    const chain = { client: createChainClient(inject("rpcUrl"), 31337), chainId: 31337, address: contract };
    expect((await getBatch(t.db, chain, ids.a[0], scopeA)).batch_code).toBe("ORG-A-1");
    await expect(getBatch(t.db, chain, ids.b[0], scopeA)).rejects.toMatchObject({
      code: "not_found",
      message: `Batch ${ids.b[0]} does not exist.`,
    });
    await expect(getBatch(t.db, chain, ids.other[0], scopeA)).rejects.toMatchObject({ code: "not_found" });
    expect((await getBatch(t.db, chain, ids.b[0], everything)).batch_code).toBe("ORG-B-1");
  });

  it("exports only its batches as CSV", async () => {
    const reader = exportBatchesCsv(
      t.db,
      ZBatchExportQuery.parse({ sort: "batch_code", order: "asc" }),
      scopeA,
    ).getReader();
    let csv = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) csv += new TextDecoder().decode(r.value);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["ORG-A-1", "ORG-A-2", "ORG-A-3"]);
  });

  it("reads only its batches' events, verification requests, alerts and activity", async () => {
    const events = await listEvents(t.db, key, ZEventListQuery.parse({}), scopeA);
    expect(events.data.map((e) => e.batch_code)).toEqual(["ORG-A-1"]);
    expect((await listEvents(t.db, key, ZEventListQuery.parse({}), everything)).data).toHaveLength(3);
    expect((await listRequests(t.db, ZRequestListQuery.parse({}), scopeA)).data.map((r) => r.batch_id)).toEqual([
      ids.a[0],
    ]);
    expect((await listOpenAlerts(t.db, scopeA)).map((a) => a.batch_code)).toEqual(["ORG-A-1"]);
    const feed = await listRecentActivities(t.db, { limit: 50 }, scopeA);
    expect(feed.data.length).toBeGreaterThan(0);
    expect(new Set(feed.data.map((a) => a.batch_id))).toEqual(new Set([ids.a[0]]));
    const all = await listRecentActivities(t.db, { limit: 50 }, everything);
    expect(all.data.some((a) => a.batch_id === ids.b[0])).toBe(true);
  });

  it("labels and proves only its own batches", async () => {
    const at = { baseUrl: "https://x.test", companyPrefix: "0614141" };
    expect((await listLabels(t.db, [ids.a[0]], at, scopeA)).map((l) => l.batchCode)).toEqual(["ORG-A-1"]);
    await expect(listLabels(t.db, [ids.a[0], ids.b[0]], at, scopeA)).rejects.toMatchObject({
      code: "not_found",
      message: `No batch with id ${ids.b[0]}.`,
    });
    const records = await t.db.select().from(auditRecords).orderBy(auditRecords.position);
    const own = records.find((r) => r.batchId === ids.a[0])!;
    const other = records.find((r) => r.batchId === ids.b[0])!;
    const target = { chainId: 31337, address: contract };
    expect((await getProof(t.db, target, own.position, scopeA)).record?.batch_id).toBe(ids.a[0]);
    await expect(getProof(t.db, target, other.position, scopeA)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("counts the dashboard's figures from its own batches, never the global counters", async () => {
    const m = await getDashboardMetrics(t.db, scopeA);
    expect(m.totals).toEqual({ batches: 3, quantity_kg: "300.000", value_usd: "1500.00" });
    expect(m.by_origin_country.map((o) => o.value)).toEqual(["Kenya"]);
    expect(m.alerts.open).toBe(1);
    expect(m.verification.pending).toBe(1);
    expect((await getDashboardMetrics(t.db, everything)).totals.batches).toBeGreaterThanOrEqual(7);
  });

  it("draws stock and expiry from its own batches and refuses the charts only rollups of everyone's can tell", async () => {
    const f = ZAnalyticsFilters.parse({ from: today, to: today });
    const stock = await getChart(t.db, f, "stock_by_origin", scopeA);
    expect(stock.columns.map((c) => c.label)).toEqual(["day", "Kenya (kg)"]);
    expect(stock.rows.at(-1)).toEqual({ period: today, s0: "300.000" });
    const charts = await listCharts(t.db, f, scopeA);
    expect(charts.map((c) => c.id)).toEqual(["stock_by_origin", "stock_by_process", "stock_by_warehouse", "expiry"]);
    await expect(getChart(t.db, f, "verification", scopeA)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getChart(t.db, f, "forecast", scopeA)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("a pending wallet", () => {
  it("signs in as a pending user with no scope, and an admin approves it into an organisation as a viewer", async () => {
    const address = `0x${"d".repeat(40)}` as const;
    const user = await userForWallet(t.db, address);
    expect(user.isPending).toBe(true);
    expect(scopeOfUser({ isPending: true, organisationId: null, organisationKind: null })).toEqual({ kind: "none" });
    const [a] = await t.db.select().from(organisations).where(eq(organisations.name, "Cooperative A"));
    const actor = { kind: "user" as const, id: "1" };
    const auditBefore = (await t.db.select().from(auditRecords)).length;

    // A producer's member is a viewer: a staff role is refused and nothing changes.
    await expect(
      approvePending(t.db, user.id, { organisation_id: a.id, role: "operator" }, actor),
    ).rejects.toMatchObject({ code: "rule_broken" });
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0].isPending).toBe(true);

    const approved = await approvePending(t.db, user.id, { organisation_id: a.id, role: "viewer" }, actor);
    expect(approved).toMatchObject({ organisation_id: a.id, role: "viewer", wallets: [address] });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ isPending: false, organisationId: a.id, role: "viewer" });
    expect(scopeOfUser({ ...row, organisationKind: "cooperative" })).toEqual({
      kind: "organisation",
      organisationId: a.id,
    });
    expect(
      (await t.db.select().from(organisationWallets).where(eq(organisationWallets.address, address)))[0].organisationId,
    ).toBe(a.id);
    const audit = (await t.db.select().from(auditRecords)).slice(auditBefore);
    expect(audit.map((r) => r.action)).toEqual(["user.approved"]);

    await expect(approvePending(t.db, user.id, { organisation_id: a.id, role: "viewer" }, actor)).rejects.toMatchObject(
      { code: "conflict" },
    );
  });

  it("can be linked to an existing user instead: the wallet moves, the pending user goes", async () => {
    const address = `0x${"e".repeat(40)}` as const;
    const pending = await userForWallet(t.db, address);
    const [staff] = await t.db
      .insert(users)
      .values({ name: "Staff", email: "staff@x.test", role: "operator" })
      .returning();
    await approvePending(t.db, pending.id, { link_to_user_id: staff.id }, { kind: "system" });
    expect((await t.db.select().from(wallets).where(eq(wallets.address, address)))[0].userId).toBe(staff.id);
    expect(await t.db.select().from(users).where(eq(users.id, pending.id))).toEqual([]);
    // The wallet now signs in as the staff user.
    expect((await userForWallet(t.db, address)).id).toBe(staff.id);
  });

  it("the operating company's staff see everything", () => {
    expect(scopeOfUser({ isPending: false, organisationId: null, organisationKind: null })).toEqual(everything);
    expect(scopeOfUser({ isPending: false, organisationId: 1, organisationKind: "operator" })).toEqual(everything);
  });

  it("refuses a second operating company and a duplicate name, changing nothing", async () => {
    const before = await t.db.select().from(organisations);
    await expect(
      createOrganisation(t.db, { name: "Another", kind: "operator" }, { kind: "system" }),
    ).rejects.toMatchObject({ code: "rule_broken" });
    await expect(
      createOrganisation(t.db, { name: "Cooperative A", kind: "roaster" }, { kind: "system" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await t.db.select().from(organisations)).toEqual(before);
  });

  it("says what is wrong with a malformed approval or organisation", () => {
    expect(ZApproval.safeParse({ organisation_id: 1 }).error?.issues[0].message).toBe(
      "give organisation_id and role, or link_to_user_id",
    );
    expect(ZApproval.safeParse({ organisation_id: 1, role: "owner" }).success).toBe(false);
    expect(ZNewOrganisation.safeParse({ name: "X", kind: "bank" }).success).toBe(false);
    expect(ZNewOrganisation.safeParse({ name: "  ", kind: "roaster" }).success).toBe(false);
  });

  it("refuses to approve into an organisation that does not exist, or a wallet another organisation holds, changing nothing", async () => {
    const pending = await userForWallet(t.db, walletB as `0x${string}`);
    const [a] = await t.db.select().from(organisations).where(eq(organisations.name, "Cooperative A"));
    await expect(
      approvePending(t.db, pending.id, { organisation_id: 999_999, role: "viewer" }, { kind: "system" }),
    ).rejects.toMatchObject({ code: "rule_broken" });
    await expect(
      approvePending(t.db, pending.id, { organisation_id: a.id, role: "viewer" }, { kind: "system" }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(walletB) });
    expect((await t.db.select().from(users).where(eq(users.id, pending.id)))[0]).toMatchObject({
      isPending: true,
      organisationId: null,
    });
    expect(
      (await t.db.select().from(organisationWallets).where(eq(organisationWallets.address, walletB)))[0].organisationId,
    ).not.toBe(a.id);
  });
});

describe("an admin moving a user", () => {
  it("moves a viewer with its wallets to another organisation, so it sees that organisation's batches; audited", async () => {
    const address = `0x${"f".repeat(40)}`;
    const [a] = await t.db.select().from(organisations).where(eq(organisations.name, "Cooperative A"));
    const roaster = await createOrganisation(t.db, { name: "Roaster R", kind: "roaster" }, { kind: "system" });
    const [user] = await t.db.insert(users).values({ name: "Mover", role: "viewer", organisationId: a.id }).returning();
    await t.db.insert(wallets).values({ address, userId: user.id });
    await t.db.insert(organisationWallets).values({ address, organisationId: a.id });
    await insertBatches(t.db, [makeBatch({ batchCode: "ORG-MOVED", ownerAddress: address })]);

    await moveUser(t.db, user.id, roaster.id, { kind: "user", id: "1" });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.organisationId).toBe(roaster.id);
    expect(
      (await t.db.select().from(organisationWallets).where(eq(organisationWallets.address, address)))[0].organisationId,
    ).toBe(roaster.id);
    const scope = scopeOfUser({ ...row, organisationKind: "roaster" });
    expect(codes((await listBatches(t.db, ZBatchListQuery.parse({ limit: "100" }), scope)).data)).toEqual([
      "ORG-MOVED",
    ]);
    const [audit] = await t.db.select().from(auditRecords).where(eq(auditRecords.action, "user.organisation_changed"));
    expect(audit).toMatchObject({
      entityId: String(user.id),
      before: { organisation_id: a.id },
      after: { organisation_id: roaster.id, wallets: [address] },
    });
  });

  it("refuses a staff role in a producer's or buyer's organisation, a pending user and a missing organisation, changing nothing", async () => {
    const [a] = await t.db.select().from(organisations).where(eq(organisations.name, "Cooperative A"));
    const [operator] = await t.db
      .insert(users)
      .values({ name: "Op", email: "op@x.test", role: "operator" })
      .returning();
    const [member] = await t.db
      .insert(users)
      .values({ name: "Member", role: "viewer", organisationId: a.id })
      .returning();
    const pending = await userForWallet(t.db, `0x${"9".repeat(40)}`);
    const before = await t.db.select().from(users);
    await expect(moveUser(t.db, operator.id, a.id, { kind: "system" })).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringContaining("viewer"),
    });
    await expect(updateUser(t.db, member.id, { role: "operator" }, { kind: "system" })).rejects.toMatchObject({
      code: "rule_broken",
    });
    await expect(moveUser(t.db, pending.id, a.id, { kind: "system" })).rejects.toMatchObject({ code: "conflict" });
    await expect(moveUser(t.db, member.id, 999_999, { kind: "system" })).rejects.toMatchObject({ code: "rule_broken" });
    expect(await t.db.select().from(users)).toEqual(before);
  });
});
