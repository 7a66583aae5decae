// EPCIS 2.0 export against the real chain and database: a batch with a varied history (mint, transfer,
// warehouse move, adjustment, quality check, verified count, shipment, returns destroyed and sent
// back, redemption) and every batch of a demo run each export as a document the official EPCIS 2.0
// JSON schema (and epcis2.js) accepts, with stable hash ids, the right business steps and owners.
import epcis2 from "epcis2.js";
import type { Account } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { everything } from "@/lib/auth/scope";
import { devAccount } from "@/lib/chain/dev-accounts";
import { codeToBytes32 } from "@/lib/chain/units";
import type { Tx } from "@/lib/db";
import { batches, organisations, returns, warehouses } from "@/lib/db/schema";
import type { EpcisDocumentJson } from "@/lib/epcis/document";
import { exportBatchEpcis, exportRangeEpcis } from "@/lib/epcis/export";
import { epcisSchemaErrors } from "@/lib/epcis/validate";
import { indexToHead, type IndexerConfig } from "@/lib/events/indexer";
import { gtinFor } from "@/lib/gs1/gtin";
import { actOnOrder, createOrder, getOrder } from "@/lib/orders/orders";
import { shipQueued, type Shipper } from "@/lib/orders/ship";
import type { TransitionDeps } from "@/lib/orders/transitions";
import { recordQualityCheck } from "@/lib/quality/checks";
import { decide, inspect, receive } from "@/lib/returns/flow";
import { actOnReturn, createReturn } from "@/lib/returns/returns";
import type { Decision, Inspection } from "@/lib/returns/schemas";
import { processRequest, requestVerification } from "@/lib/verification/requests";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { consignTo, mintBatch } from "@/scripts/lib/mint";

import { insertStaff } from "./helpers/callers";
import { indexerConfig, tokenHandle, writeToken, type TestToken } from "./helpers/chain";
import type { TestDb } from "./helpers/db";
import { startWithBatches } from "./helpers/db-and-token";
import { insertBuyer, specialtyCheck } from "./helpers/factories";
import { shipperAccount, startOrderStack } from "./helpers/order-stack";
import { refusal } from "./helpers/refusal";

const prefix = "0614141";
const options = { companyPrefix: prefix, now: new Date("2026-12-01T00:00:00Z") };
const template = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 11)[0];
const actor = { kind: "system", id: "test" } as const;
const by = { actor, userId: null };
const hashId = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;

type Event = EpcisDocumentJson["epcisBody"]["eventList"][number];
const steps = (doc: EpcisDocumentJson) => doc.epcisBody.eventList.map((e) => `${e.action} ${e.bizStep}`);
const kg = (e: Event) => (e.quantityList as { quantity?: number }[])[0].quantity;

/** Valid against the vendored official schema and the library's own; every event id a CBV 2.0 hash, none twice. */
function expectValid(doc: EpcisDocumentJson) {
  expect(epcisSchemaErrors(doc)).toEqual([]);
  expect(new epcis2.EPCISDocument(doc).isValid()).toBe(true);
  const ids = doc.epcisBody.eventList.map((e) => e.eventID);
  for (const id of ids) expect(id).toMatch(hashId);
  expect(new Set(ids).size).toBe(ids.length);
}

describe("a batch with a varied history", () => {
  let t: TestDb;
  let chain: TestToken;
  let config: IndexerConfig;
  let deps: TransitionDeps;
  let shipper: Shipper;
  let buyerId: number;
  let batchId: number;
  let tokenId: bigint;
  const holder = devAccount(6);

  const write = async (account: Account, functionName: string, args: unknown[]) => {
    const hash = await writeToken(chain, account, functionName, args);
    expect((await chain.client.waitForTransactionReceipt({ hash })).status).toBe("success");
    await indexToHead(config);
  };
  // A block's time has whole seconds and the database's has fractions: a record and a block in the
  // same second could sort either way, so each turn between the chain and the database waits for the next second.
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_020 - (Date.now() % 1_000)));
  const step = (id: number, run: (tx: Tx, ret: typeof returns.$inferSelect) => Promise<void>) =>
    actOnReturn(t.db, everything, id, run);
  /** Returns `kg` of the delivered line, received at RET-WH and inspected, then decided. */
  async function returned(
    lineId: number,
    kg: string,
    reason: "contamination" | "quality_below_contract",
    check: Inspection,
    decision: Decision,
  ) {
    const id = await createReturn(t.db, everything, { order_line_id: lineId, quantity_kg: kg, reason }, [], by);
    await step(id, (tx, r) => receive(tx, r, "RET-WH", actor, deps));
    await shipQueued(t.db, shipper);
    await indexToHead(config);
    await nextSecond();
    await step(id, (tx, r) => inspect(tx, r, check, actor));
    await step(id, (tx, r) => decide(tx, r, decision, by, deps));
    await nextSecond();
    await shipQueued(t.db, shipper);
    await indexToHead(config);
  }

  beforeAll(async () => {
    ({ t, chain, config, deps, shipper } = await startOrderStack());
    await t.db.insert(warehouses).values([
      { code: "BIG-WH", name: "Big", country: "Belgium", capacityKg: "10000" },
      { code: "COLD-WH", name: "Cold", country: "Belgium", capacityKg: "10000" },
      { code: "RET-WH", name: "Returns", country: "Belgium", capacityKg: "100" },
    ]);
    ({ tokenId } = await mintBatch(chain.target, chain.producer, {
      ...template,
      expiryDate: "2027-06-30",
      quantityKg: "100",
      metadata: { ...template.metadata, batch_code: "EPC-A", origin_country: "Ethiopia", warehouse: "Big" },
    }));
    await consignTo(chain.target, [chain.producer, chain.stranger], shipperAccount.address);
    await indexToHead(config);
    [{ id: batchId }] = await t.db.select({ id: batches.id }).from(batches);
    await t.db.update(batches).set({ qualityGrade: "specialty" });
    buyerId = await insertBuyer(t.db, "EPCIS Roasters", chain.stranger.address);
    const [operator, verifier] = await insertStaff(t.db, [
      { name: "Olga Operator", email: "olga@example.com", role: "operator" },
      { name: "Vera Verifier", email: "vera@example.com", role: "verifier" },
    ]);

    // Ownership: 10 kg to another holder. Warehouses: 20 kg moved to cold storage; a 1 kg sample written off.
    await write(chain.producer, "safeTransferFrom", [chain.producer.address, holder.address, tokenId, 10_000n, "0x"]);
    await write(chain.producer, "moveStock", [
      tokenId,
      chain.producer.address,
      20_000n,
      codeToBytes32("BIG-WH"),
      codeToBytes32("COLD-WH"),
    ]);
    await write(chain.admin, "adjustStock", [
      tokenId,
      chain.producer.address,
      -1_000n,
      codeToBytes32("BIG-WH"),
      codeToBytes32("sample"),
    ]);
    // Inspections: a quality check and a count that matches the chain.
    await nextSecond();
    await recordQualityCheck(t.db, batchId, specialtyCheck, [], verifier);
    const { request } = await requestVerification(t.db, batchId, "yearly count", operator);
    await processRequest(t.db, tokenHandle(chain), request.id, { actual_quantity: "99" }, "0.5", verifier);
    // An order of 8 kg shipped and delivered; 2 kg come back contaminated and are destroyed, 1 kg goes back to the producer.
    const { id: orderId } = await createOrder(
      t.db,
      {
        buyer_id: buyerId,
        currency: "USD",
        lines: [{ batch_id: batchId, quantity_kg: "8", price_per_kg: "7.25" }],
        confirm: true,
      },
      { actor, userId: null, holdHours: 72 },
    );
    await actOnOrder(t.db, everything, orderId, "ship", { actor, deps });
    await nextSecond();
    await shipQueued(t.db, shipper);
    await indexToHead(config);
    await actOnOrder(t.db, everything, orderId, "deliver", { actor, deps });
    const lineId = (await getOrder(t.db, everything, orderId)).lines[0].id;
    await returned(
      lineId,
      "2",
      "contamination",
      { ...specialtyCheck, contaminated: true },
      { disposition: "destroy", settlement: "refund" },
    );
    await returned(
      lineId,
      "1",
      "quality_below_contract",
      { ...specialtyCheck, primary_defects: 2, contaminated: false },
      { disposition: "return_to_producer", settlement: "refund" },
    );
    // The producer redeems 3 kg (roasted).
    await write(chain.producer, "redeem", [tokenId, 3_000n]);
  });
  afterAll(() => t.drop());

  it("maps each record to its EPCIS event, oldest first, valid against the EPCIS 2.0 schema", async () => {
    const doc = await exportBatchEpcis(t.db, batchId, options);
    expectValid(doc);
    expect(doc).toMatchObject({
      type: "EPCISDocument",
      schemaVersion: "2.0",
      creationDate: "2026-12-01T00:00:00.000Z",
      "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", { bt: "urn:batchtrail:epcis:" }],
    });
    expect(steps(doc)).toEqual([
      "ADD commissioning",
      "OBSERVE accepting",
      "OBSERVE departing",
      "OBSERVE arriving",
      "DELETE sampling",
      "OBSERVE inspecting",
      "OBSERVE inspecting",
      "OBSERVE shipping",
      "OBSERVE receiving",
      "OBSERVE inspecting",
      "DELETE destroying",
      "OBSERVE receiving",
      "OBSERVE inspecting",
      "OBSERVE shipping",
      "DELETE decommissioning",
    ]);
    const events = doc.epcisBody.eventList;
    const times = events.map((e) => e.eventTime);
    expect([...times].sort()).toEqual(times);
    const lgtin = `https://id.gs1.org/01/${gtinFor(prefix, "Ethiopia")}/10/EPC-A`;
    for (const e of events) {
      expect(e.eventTimeZoneOffset).toBe("+00:00");
      expect((e.quantityList as { epcClass: string }[])[0].epcClass).toBe(lgtin);
    }
    // Quantities in kilograms, exactly what each record moved.
    expect(events.map(kg)).toEqual([100, 10, 20, 20, 1, undefined, 99, 8, 2, 2, 2, 1, 1, 1, 3]);
  });

  it("names owners, warehouses and business transactions", async () => {
    const events = (await exportBatchEpcis(t.db, batchId, options)).epcisBody.eventList;
    const did = (a: string) => `did:pkh:eip155:31337:${a.toLowerCase()}`;
    const at = (code: string) => ({ id: `https://id.gs1.org/414/0614141000005/254/${code}` });
    expect(events[0]).toMatchObject({
      disposition: "active",
      bizLocation: at("BIG-WH"),
      destinationList: [{ type: "owning_party", destination: did(chain.producer.address) }],
    });
    expect(events[1]).toMatchObject({
      sourceList: [{ type: "owning_party", source: did(chain.producer.address) }],
      destinationList: [{ type: "owning_party", destination: did(holder.address) }],
    });
    expect(events[2]).toMatchObject({ disposition: "in_transit", readPoint: at("BIG-WH") });
    expect(events[2].bizLocation).toBeUndefined();
    expect(events[3]).toMatchObject({
      disposition: "in_progress",
      readPoint: at("COLD-WH"),
      bizLocation: at("COLD-WH"),
    });
    expect(events[4]).toMatchObject({ "bt:reason": "sample", readPoint: at("BIG-WH") });
    expect(events[5]).toMatchObject({ disposition: "conformant", "bt:grade": "specialty", "bt:cuppingScore": 85.5 });
    expect(events[6]).toMatchObject({ disposition: "conformant", "bt:onchainQuantityKg": 99 });
    const [returnA, returnB] = await t.db.select({ id: returns.id }).from(returns).orderBy(returns.id);
    const bt = (type: string, id: string) => [{ type, bizTransaction: `urn:epcglobal:cbv:bt:0614141000005:${id}` }];
    expect(events[7]).toMatchObject({
      disposition: "in_transit",
      sourceList: [{ type: "owning_party", source: did(chain.producer.address) }],
      destinationList: [{ type: "owning_party", destination: did(chain.stranger.address) }],
    });
    expect((events[7].bizTransactionList as { type: string }[])[0].type).toBe("po");
    expect(events[8]).toMatchObject({
      disposition: "returned",
      bizLocation: at("RET-WH"),
      bizTransactionList: bt("rma", `return-${returnA.id}`),
    });
    expect(events[9]).toMatchObject({ disposition: "non_conformant", "bt:contaminated": true });
    expect(events[10]).toMatchObject({
      disposition: "destroyed",
      bizTransactionList: bt("rma", `return-${returnA.id}`),
    });
    expect(events[13]).toMatchObject({
      disposition: "returned",
      destinationList: [{ type: "owning_party", destination: did(chain.producer.address) }],
      bizTransactionList: bt("rma", `return-${returnB.id}`),
    });
    expect(events[14]).toMatchObject({
      disposition: "inactive",
      sourceList: [{ type: "owning_party", source: did(chain.producer.address) }],
    });
  });

  it("gives the same event ids on every export: they hash the records, not the moment", async () => {
    const first = await exportBatchEpcis(t.db, batchId, options);
    const again = await exportBatchEpcis(t.db, batchId, { ...options, now: new Date() });
    expect(again.epcisBody.eventList.map((e) => e.eventID)).toEqual(first.epcisBody.eventList.map((e) => e.eventID));
  });

  it("exports a date range of the batches in scope, and refuses a missing batch or too many events", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = await exportRangeEpcis(t.db, everything, { from: today, to: today }, options);
    expectValid(all);
    expect(all.epcisBody.eventList.length).toBe(15);
    const forever = await exportRangeEpcis(t.db, everything, { from: "0001-01-01", to: "9999-12-31" }, options);
    expect(forever.epcisBody.eventList.length).toBe(15);
    const before = await exportRangeEpcis(t.db, everything, { from: "2020-01-01", to: "2020-12-31" }, options);
    expectValid(before);
    expect(before.epcisBody.eventList).toEqual([]);
    const [outsider] = await t.db.insert(organisations).values({ name: "Outsiders", kind: "roaster" }).returning();
    const scoped = await exportRangeEpcis(
      t.db,
      { kind: "organisation", organisationId: outsider.id },
      { from: today, to: today },
      options,
    );
    expect(scoped.epcisBody.eventList).toEqual([]);
    const tooMany = await refusal(
      exportRangeEpcis(t.db, everything, { from: today, to: today }, { ...options, limit: 14 }),
    );
    expect(tooMany).toMatchObject({
      code: "rule_broken",
      message: "More than 14 EPCIS events in one document: ask for a shorter date range.",
    });
    expect(await refusal(exportBatchEpcis(t.db, 999_999, options))).toMatchObject({
      code: "not_found",
      message: "Batch 999999 does not exist.",
    });
  });

  it("the schema check fails a document that breaks the standard", async () => {
    const doc = await exportBatchEpcis(t.db, batchId, options);
    const [first] = doc.epcisBody.eventList;
    const broken = {
      ...doc,
      epcisBody: {
        eventList: [
          { ...first, action: "CREATE" },
          { ...first, eventTime: "yesterday" },
        ],
      },
    };
    expect(epcisSchemaErrors(broken).length).toBeGreaterThan(0);
    expect(epcisSchemaErrors({ ...doc, schemaVersion: undefined })).not.toEqual([]);
  });
});

describe("every demo batch", () => {
  let t: TestDb;
  let chain: TestToken;
  const list = demoBatches(36, new Date("2026-11-23T00:00:00Z"), 3);

  beforeAll(async () => {
    ({ t, chain } = await startWithBatches(list));
    await indexToHead(indexerConfig(t.db, chain, 50));
  }, 240_000);
  afterAll(() => t.drop());

  it("exports each as a valid EPCIS 2.0 document whose events follow its demo state", async () => {
    const rows = await t.db.select({ id: batches.id, code: batches.batchCode, status: batches.status }).from(batches);
    expect(rows.length).toBe(list.length);
    // The run has every state a demo batch ends in.
    expect(new Set(list.map((b) => b.state))).toEqual(new Set(["active", "verified", "expired", "redeemed"]));
    for (const row of rows) {
      const state = list.find((b) => b.metadata.batch_code === row.code)!.state;
      const doc = await exportBatchEpcis(t.db, row.id, options);
      expectValid(doc);
      const expected = {
        active: ["ADD commissioning"],
        verified: ["ADD commissioning"],
        expired: ["ADD commissioning", "OBSERVE holding"],
        redeemed: ["ADD commissioning", "DELETE decommissioning"],
      }[state];
      expect(steps(doc), row.code).toEqual(expected);
    }
  });
});
