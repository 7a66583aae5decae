import { expect, test } from "@playwright/test";

test("the batches API answers bad input with 400 and the error shape, never a 500", async ({ request }) => {
  for (const query of [
    "status=lost",
    "limit=0",
    "limit=500",
    "cursor=garbage",
    "sort=secret",
    "unknown=1",
    "q=%00",
    "origin_country=a%00b",
    "status=active&status=verified",
  ]) {
    const res = await request.get(`/api/batches?${query}`);
    expect(res.status(), query).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_error");
    expect(typeof body.error.message).toBe("string");
    expect(body.error).toHaveProperty("details");
  }
  const ok = await request.get("/api/batches?limit=2&status=active,verified");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.data).toHaveLength(2);
  expect(typeof body.next_cursor).toBe("string");
});

test("a batch's detail carries the chain's live view, and bad or unknown ids are refused", async ({ request }) => {
  const res = await request.get("/api/batches/1");
  expect(res.status()).toBe(200);
  const batch = await res.json();
  expect(batch.blockchain.quantity_kg).toBe(batch.quantity_kg);
  expect(batch.blockchain.metadata_hash).toBe(batch.metadata_hash);

  const bad = await request.get("/api/batches/abc");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details).toEqual([{ path: "batch_id", message: "must be a positive integer id" }]);
  expect((await request.get("/api/batches/99999999")).status()).toBe(404);
});

test("import-from-blockchain refreshes a known token, 404s an unknown one, and 400s a bad body", async ({
  request,
}) => {
  const known = await request.post("/api/batches/import-from-blockchain", { data: { blockchain_batch_id: "1" } });
  expect(known.status()).toBe(200);
  expect(await known.json()).toMatchObject({ batch_id: expect.any(Number), action: "refreshed" });

  const unknown = await request.post("/api/batches/import-from-blockchain", {
    data: { blockchain_batch_id: "987654" },
  });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toMatch(/does not exist on chain/);

  for (const data of [
    {},
    { blockchain_batch_id: "-1" },
    { blockchain_batch_id: "x" },
    { id: 1 },
    { blockchain_batch_id: (2n ** 256n).toString() },
  ]) {
    const res = await request.post("/api/batches/import-from-blockchain", { data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
  }
});

test("a cookie-authenticated change from another origin, or an opaque one, is refused", async ({ playwright }) => {
  const { storageStateFor, stack } = await import("./stack");
  const admin = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${stack.port}`,
    storageState: storageStateFor("admin"),
  });
  for (const origin of ["http://evil.example", "null"]) {
    const res = await admin.post("/api/admin/api-keys", {
      data: { name: "cross-origin", role: "viewer" },
      headers: { origin },
    });
    expect(res.status(), origin).toBe(403);
  }
  await admin.dispose();
});

test("an unknown API path or method answers 404 in the error shape", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/no-such-endpoint"],
    ["POST", "/api/batches/1/nope"],
    ["DELETE", "/api/v2/batches"],
  ]) {
    const res = await request.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  }
});

test("the main GET endpoints answer exactly what their declarations' response schemas say", async ({ playwright }) => {
  const { stack, storageStateFor } = await import("./stack");
  const { urlOf } = await import("@/lib/endpoints/client");
  const { endpoints } = await import("@/lib/endpoints/registry");
  const admin = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${stack.port}`,
    storageState: storageStateFor("admin"),
  });
  const get = async (url: string) => {
    const res = await admin.get(url);
    expect(res.status(), url).toBe(200);
    return res.json();
  };
  const e = endpoints;
  // One batch reconciled now: its run, answered as its declaration says, is the run read back below.
  const synced = await admin.post("/api/batches/1/sync");
  expect(synced.status()).toBe(200);
  const sync = await synced.json();
  expect(e.syncBatch.response.parse(sync)).toEqual(sync);
  const batch = { params: { batch_id: 1 } };
  const cases = [
    [e.listBatches, { query: { limit: 5 } }],
    [e.getBatch, batch],
    [e.batchAlerts, batch],
    [e.qualityChecks, batch],
    [e.auditHistory, batch],
    [e.chainlinkRequests, batch],
    [e.batchRequests, batch],
    [e.listRequests, {}],
    [e.listEvents, { query: { limit: 5 } }],
    [e.listenerStatus, {}],
    [e.listSyncs, {}],
    [e.getSync, { params: { sync_id: sync.id } }],
    [e.dashboardMetrics, {}],
    [e.systemStatus, {}],
    [e.recentActivities, { query: { limit: 10 } }],
    [e.analytics, {}],
    [e.auditProof, { params: { record_id: 1 } }],
    [e.listUsers, {}],
    [e.listApiKeys, {}],
    [e.listOrganisations, {}],
    [e.health, {}],
  ] as const;
  for (const [endpoint, input] of cases) {
    const url = urlOf(endpoint.key, input);
    const json = await get(url);
    // Parsed and compared whole: a field the schema lacks would be stripped, one it has wrong refused.
    expect(endpoint.response.parse(json), url).toEqual(json);
  }
  await admin.dispose();
});
