// EUDR due diligence on a real Postgres: each risk factor failing and passing, the overlap of plots
// with a deforestation layer, the statement for a demo-like batch against its checked fixture, filing
// with a local stand-in for the EU information system (test/helpers/eu-dds-server.ts), and a later
// statement naming the earlier one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { area } from "@turf/area";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/errors";
import { everything } from "@/lib/auth/scope";
import { deriveSecretKey, sealSecret } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import {
  auditRecords,
  deforestationLayers,
  dueDiligenceStatements,
  plotDeclarations,
  plotOverlaps,
  plots,
  settings,
} from "@/lib/db/schema";
import { benchmarkOf } from "@/lib/eudr/benchmarks";
import { ZDeclaration } from "@/lib/eudr/due-diligence-schemas";
import { loadEvidence } from "@/lib/eudr/evidence";
import { createLayer } from "@/lib/eudr/layers";
import { overlapHa } from "@/lib/eudr/overlap";
import { editPlot } from "@/lib/eudr/plots";
import { assessRisk } from "@/lib/eudr/risk";
import { decodeProducers } from "@/lib/eudr/statement";
import { generateStatement, getStatement, listStatements } from "@/lib/eudr/statements";
import { submitStatement } from "@/lib/eudr/submit";
import { getSetting, setSetting } from "@/lib/settings/settings";

import { createTestDb, type TestDb } from "./helpers/db";
import { demoDdsBatch, demoPlots, insertDdsBatch, square } from "./helpers/dds-batch";
import { startEuDdsServer } from "./helpers/eu-dds-server";
import { insertBuyer } from "./helpers/factories";

const actor = { kind: "system" as const, id: "test" };
const key = deriveSecretKey("due-diligence-test-auth-secret-0123456789", "eudr-api-key");
let t: TestDb;
let db: Db;

const operatorSetting = {
  endpoint_url: "",
  username: "batchtrail-ws",
  api_key: "",
  web_service_client_id: "eudr-test",
  operator_eori: "NL123456789",
  operator_address: "Am Sandtorkai 1, 20457 Hamburg",
  operator_country: "DE",
};
/** Points the setting at a (local) EU system, with an authentication key when one is given. */
const fileWith = (url: string, apiKey?: string) =>
  setSetting(
    db,
    "eudr_submission",
    { ...operatorSetting, endpoint_url: url, ...(apiKey && { api_key: sealSecret(apiKey, key) }) },
    actor,
  );
/** A draft statement for a new batch, to be filed with the EU system at `url`. */
async function draftFor(url: string, apiKey?: string, batch?: Parameters<typeof insertDdsBatch>[1]) {
  await fileWith(url, apiKey);
  const { batch: row } = await insertDdsBatch(db, batch);
  return generateStatement(db, { batch_id: row.id, activity: "import" }, actor, null);
}

// The local EU system knowing the setting's web service user, key and client id.
const trusting = { username: "batchtrail-ws", authenticationKey: "test-key", webServiceClientId: "eudr-test" };

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await setSetting(db, "eudr_submission", operatorSetting, actor);
});
afterAll(async () => t.drop());

const factorsOf = async (batchId: number) => {
  const risk = assessRisk(await loadEvidence(db, [batchId]));
  return { level: risk.level, failing: risk.factors.filter((f) => !f.passed).map((f) => f.name), risk };
};

describe("country benchmark", () => {
  it("knows coffee origins as standard, Russia as high, the EU as low, and defaults to standard", () => {
    expect(["BR", "CO", "ET", "KE", "VN"].map(benchmarkOf)).toEqual(Array(5).fill("standard"));
    expect(benchmarkOf("RU")).toBe("high");
    expect(benchmarkOf("de")).toBe("low");
    expect(benchmarkOf("ZZ")).toBe("standard");
  });
});

describe("overlap with deforested areas", () => {
  const plot = square(38.2, 6.1, 0.01);
  const plotHa = (area(plot) / 10_000).toFixed(4);

  it("is the shared area of a polygon plot, the whole of a point inside, and none for a plot outside", () => {
    // The deforested area covers the plot's eastern half and reaches beyond it.
    const east = square(38.205, 6.095, 0.02);
    const shared = {
      type: "Polygon" as const,
      coordinates: [
        [
          [38.205, 6.1],
          [38.21, 6.1],
          [38.21, 6.11],
          [38.205, 6.11],
          [38.205, 6.1],
        ],
      ],
    };
    const got = Number(overlapHa({ geometry: plot, areaHa: plotHa }, [east]));
    expect(Math.abs(got - area(shared) / 10_000)).toBeLessThan(0.001 * got);
    expect(got).toBeLessThan(Number(plotHa));
    expect(overlapHa({ geometry: { type: "Point", coordinates: [38.207, 6.105] }, areaHa: "2.5000" }, [east])).toBe(
      "2.5000",
    );
    expect(overlapHa({ geometry: plot, areaHa: plotHa }, [square(10, 10, 0.01)])).toBe("0.0000");
  });

  it("refuses a layer with an area that encloses nothing, and stores no layer", async () => {
    const flat = {
      type: "Polygon" as const,
      coordinates: [
        [
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
        ] as [number, number][],
      ],
    };
    const error = await createLayer(
      db,
      { name: "Broken", geojson: { type: "FeatureCollection", features: [{ type: "Feature", geometry: flat }] } },
      actor,
      null,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "validation_error",
      message: "geojson.features.0.geometry: it encloses no area",
    });
    expect(await db.select().from(deforestationLayers)).toEqual([]);
  });

  it("stores each plot's overlap when a layer is uploaded, and the risk names the overlapping plot", async () => {
    // Away from the other tests' plots, so the layer touches only these.
    const polygonPlot = { ...demoPlots[0], reference: "LAYER-POLY", geometry: square(39.205, 6.163, 0.002) };
    const pointPlot = {
      ...demoPlots[1],
      reference: "LAYER-POINT",
      geometry: { type: "Point" as const, coordinates: [39.3, 6.3] as [number, number] },
    };
    const { batch, plotIds } = await insertDdsBatch(db, { plots: [polygonPlot, pointPlot] });
    expect((await factorsOf(batch.id)).level).toBe("negligible");
    const [lon, lat] = polygonPlot.geometry.coordinates[0][0];
    const layerId = await createLayer(
      db,
      {
        name: "Tree cover loss 2021-2025",
        geojson: {
          type: "FeatureCollection",
          features: [{ type: "Feature", geometry: square(lon + 0.001, lat, 0.01) }],
        },
      },
      actor,
      null,
    );
    const stored = await db.select().from(plotOverlaps).where(eq(plotOverlaps.layerId, layerId));
    const byPlot = new Map(stored.map((o) => [o.plotId, Number(o.overlapHa)]));
    expect(byPlot.get(plotIds[0])).toBeGreaterThan(2);
    expect(byPlot.get(plotIds[1])).toBe(0);
    const { level, failing, risk } = await factorsOf(batch.id);
    expect(level).toBe("not_negligible");
    expect(failing).toEqual(["deforestation_overlap"]);
    expect(risk.reasons[0]).toContain(`${polygonPlot.reference}-${batch.batchCode}`);

    // Moved off the deforested area, the plot is measured again: no overlap, negligible risk.
    await editPlot(
      db,
      everything,
      plotIds[0],
      { geometry: square(39.105123, 6.163457, 0.002) },
      { actor, userId: null },
    );
    expect((await factorsOf(batch.id)).level).toBe("negligible");
    const [again] = await db.select().from(plotOverlaps).where(eq(plotOverlaps.plotId, plotIds[0]));
    expect(Number(again.overlapHa)).toBe(0);
  });
});

describe("declarations", () => {
  it("refuses text jsonb cannot keep (a lone surrogate) with a 400's message, and takes well-formed text", () => {
    const declaration = { land_use: "coffee_before_2021", is_deforestation_free: true, declared_on: "2026-03-01" };
    expect(ZDeclaration.safeParse({ ...declaration, declarant: "Almaz \ud800" }).error?.issues[0].message).toBe(
      "must be well-formed text",
    );
    expect(ZDeclaration.safeParse({ ...declaration, declarant: "Almaz Gebre 😀" }).success).toBe(true);
  });

  // Found by the fuzz (FUZZ_SEED=2034783906): ISO 8601 has a year 0, Postgres does not, so it answered 500.
  it("refuses a declaration dated in the year 0000 with a 400's message", () => {
    const declaration = { land_use: "coffee_before_2021", is_deforestation_free: true, declarant: "Almaz Gebre" };
    expect(ZDeclaration.safeParse({ ...declaration, declared_on: "0000-02-29" }).error?.issues[0].message).toBe(
      "must be a calendar date from the year 0001 on",
    );
    expect(ZDeclaration.safeParse({ ...declaration, declared_on: "0001-01-01" }).success).toBe(true);
  });
});

describe("risk assessment", () => {
  it("is not negligible without plots, and names the missing geolocation", async () => {
    const { batch } = await insertDdsBatch(db, { plots: [] });
    const { level, failing } = await factorsOf(batch.id);
    expect(level).toBe("not_negligible");
    expect(failing).toContain("plots_linked");
  });

  it("fails on missing declarations and documents, an invalid plot, a point over 4 ha and a high-risk country", async () => {
    const big = { ...demoPlots[1], reference: "BIG-POINT", areaHa: "6.0000" };
    const { batch, plotIds } = await insertDdsBatch(db, { declared: false, documented: false, plots: [big] });
    expect((await factorsOf(batch.id)).failing).toEqual(["point_over_4ha", "declarations", "legality_documents"]);
    await db
      .update(plots)
      .set({ problems: ["fewer than six decimal places"], country: "RU" })
      .where(eq(plots.id, plotIds[0]));
    expect((await factorsOf(batch.id)).failing).toEqual([
      "country_benchmark",
      "plots_valid",
      "point_over_4ha",
      "declarations",
      "legality_documents",
    ]);
  });

  it("counts a declaration of conversion after 2020 as a failure, and the newest declaration wins", async () => {
    const { batch, plotIds } = await insertDdsBatch(db);
    await db.insert(plotDeclarations).values({
      plotId: plotIds[1],
      landUse: "converted_after_2020",
      isDeforestationFree: true,
      declaredOn: "2026-06-01",
      declarant: "Almaz Gebre",
    });
    expect((await factorsOf(batch.id)).failing).toEqual(["declarations"]);
  });
});

describe("due diligence statement", () => {
  it("for a demo batch equals the checked fixture", async () => {
    const fresh = await createTestDb();
    try {
      await setSetting(fresh.db, "eudr_submission", operatorSetting, actor);
      const demo = demoDdsBatch();
      const { batch } = await insertDdsBatch(fresh.db, demo);
      const id = await generateStatement(fresh.db, { batch_id: batch.id, activity: "import" }, actor, null);
      const { document, riskLevel } = await getStatement(fresh.db, everything, id);
      const fixture = JSON.parse(
        readFileSync(path.join(import.meta.dirname, "fixtures/dds/demo-batch.json"), "utf8"),
      ) as unknown;
      expect(document).toEqual(fixture);
      expect(riskLevel).toBe("negligible");
      const [producer] = decodeProducers(document);
      expect(producer.geojson.features[0].geometry).toEqual(demo.plots[0].geometry);
    } finally {
      await fresh.drop();
    }
  });

  it("is filed with the local EU system: its numbers recorded, audited, and named by a later statement", async () => {
    const server = await startEuDdsServer(trusting);
    try {
      await fileWith(server.url, "test-key");
      const { batch } = await insertDdsBatch(db);
      const first = await generateStatement(db, { batch_id: batch.id, activity: "import" }, actor, null);
      const numbers = await submitStatement(db, first, actor, key);
      expect(server.received).toHaveLength(1);
      expect(server.received[0].soapAction).toBe('"http://ec.europa.eu/tracesnt/certificate/eudr/submission/v1"');
      expect(server.received[0].body.statement?.commodities?.[0].hsHeading).toBe("090111");
      const filed = await getStatement(db, everything, first);
      expect(filed).toMatchObject({
        status: "filed",
        referenceNumber: numbers.referenceNumber,
        verificationNumber: numbers.verificationNumber,
      });
      const audit = await db
        .select()
        .from(auditRecords)
        .where(eq(auditRecords.entityId, String(first)));
      expect(audit.map((a) => a.action)).toContain("due_diligence_statement.filed");
      await expect(submitStatement(db, first, actor, key)).rejects.toMatchObject({ code: "conflict" });

      const later = await generateStatement(db, { batch_id: batch.id, activity: "export" }, actor, null);
      const { document } = await getStatement(db, everything, later);
      expect(document.statement.associatedStatements).toEqual([
        { referenceNumber: numbers.referenceNumber, verificationNumber: numbers.verificationNumber },
      ]);
      expect(document.statement.internalReferenceNumber).toBe(`${batch.batchCode}-2`);
      expect((await listStatements(db, everything, { batchId: batch.id })).map((s) => s.id)).toEqual([later, first]);
    } finally {
      await server.close();
    }
  });

  it("is seen by members of the organisation holding the batch, and by no other organisation", async () => {
    const holder = await insertBuyer(db, "Holding roaster", "0x00000000000000000000000000000000000d0d01");
    const stranger = await insertBuyer(db, "Other roaster", "0x00000000000000000000000000000000000d0d02");
    const { batch } = await insertDdsBatch(db, { ownerAddress: "0x00000000000000000000000000000000000d0d01" });
    const id = await generateStatement(db, { batch_id: batch.id, activity: "import" }, actor, null);
    const scopeOf = (organisationId: number) => ({ kind: "organisation" as const, organisationId });
    expect((await listStatements(db, scopeOf(holder), {})).map((s) => s.id)).toEqual([id]);
    expect(await listStatements(db, scopeOf(stranger), {})).toEqual([]);
    await expect(getStatement(db, scopeOf(stranger), id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refused by the EU system shows its reason and records nothing", async () => {
    const server = await startEuDdsServer({ ...trusting, authenticationKey: "", refuse: "operator EORI unknown" });
    try {
      const id = await draftFor(server.url);
      const error = await submitStatement(db, id, actor, key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toContain("operator EORI unknown");
      const [row] = await db.select().from(dueDiligenceStatements).where(eq(dueDiligenceStatements.id, id));
      expect(row).toMatchObject({ status: "draft", referenceNumber: null, verificationNumber: null, filedAt: null });
    } finally {
      await server.close();
    }
  });

  it("with a wrong authentication key is refused with the system's fault, and records nothing", async () => {
    const server = await startEuDdsServer(trusting);
    try {
      const id = await draftFor(server.url, "not-the-key");
      await expect(submitStatement(db, id, actor, key)).rejects.toMatchObject({
        code: "rule_broken",
        message: expect.stringContaining("The security token could not be authenticated or authorized"),
      });
      const [row] = await db.select().from(dueDiligenceStatements).where(eq(dueDiligenceStatements.id, id));
      expect(row).toMatchObject({ status: "draft", referenceNumber: null, verificationNumber: null, filedAt: null });
    } finally {
      await server.close();
    }
  });

  it("taken but not yet made available by the EU system is refused naming its DDS identifier, and records nothing", async () => {
    const server = await startEuDdsServer({ ...trusting, authenticationKey: "", pending: true });
    try {
      const id = await draftFor(server.url);
      const error = await submitStatement(db, id, actor, key).catch((e: unknown) => e);
      expect((error as ApiError).message).toMatch(
        /took the statement as [0-9a-f-]{36} but has not made it available \(status SUBMITTED\)/,
      );
      expect(server.received).toHaveLength(1);
      const [row] = await db.select().from(dueDiligenceStatements).where(eq(dueDiligenceStatements.id, id));
      expect(row).toMatchObject({ status: "draft", referenceNumber: null, verificationNumber: null });
    } finally {
      await server.close();
    }
  });

  it("with a risk that is not negligible is generated but never sent", async () => {
    const server = await startEuDdsServer(trusting);
    try {
      const id = await draftFor(server.url, undefined, { documented: false });
      await expect(submitStatement(db, id, actor, key)).rejects.toMatchObject({ code: "rule_broken" });
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("reads a setting saved before the web service user and client id existed, with them empty", async () => {
    const { username: _u, web_service_client_id: _c, ...older } = operatorSetting;
    await db
      .insert(settings)
      .values({ key: "eudr_submission", value: older })
      .onConflictDoUpdate({ target: settings.key, set: { value: older } });
    expect(await getSetting(db, "eudr_submission")).toEqual({ ...older, username: "", web_service_client_id: "" });
  });
});
